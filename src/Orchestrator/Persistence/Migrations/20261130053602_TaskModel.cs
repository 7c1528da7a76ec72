using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Itsm.Orchestrator.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TaskModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Tasks",
                columns: table => new
                {
                    BookmarkId = table.Column<string>(type: "TEXT", nullable: false),
                    InstanceId = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", nullable: true),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Priority = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tasks", x => x.BookmarkId);
                });

            // Open human tasks move out of the bookmark row, before its task columns go.
            migrationBuilder.Sql(
                "INSERT INTO \"Tasks\" (\"BookmarkId\", \"InstanceId\", \"CreatedAt\", \"Role\", \"Title\", \"DueAt\", \"Priority\") " +
                "SELECT \"Id\", \"InstanceId\", \"CreatedAt\", \"Role\", \"Title\", \"DueAt\", NULL FROM \"Bookmarks\" " +
                "WHERE \"Role\" IS NOT NULL OR \"Title\" IS NOT NULL;");

            migrationBuilder.DropIndex(
                name: "IX_Bookmarks_Role_CreatedAt",
                table: "Bookmarks");

            migrationBuilder.DropColumn(
                name: "DueAt",
                table: "Bookmarks");

            migrationBuilder.DropColumn(
                name: "Role",
                table: "Bookmarks");

            migrationBuilder.DropColumn(
                name: "Title",
                table: "Bookmarks");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_CreatedAt_BookmarkId",
                table: "Tasks",
                columns: new[] { "CreatedAt", "BookmarkId" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_InstanceId",
                table: "Tasks",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Role_CreatedAt",
                table: "Tasks",
                columns: new[] { "Role", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DueAt",
                table: "Bookmarks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Role",
                table: "Bookmarks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Title",
                table: "Bookmarks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Bookmarks_Role_CreatedAt",
                table: "Bookmarks",
                columns: new[] { "Role", "CreatedAt" },
                filter: "\"Role\" IS NOT NULL");

            migrationBuilder.Sql(
                "UPDATE \"Bookmarks\" SET " +
                "\"Role\" = (SELECT t.\"Role\" FROM \"Tasks\" t WHERE t.\"BookmarkId\" = \"Bookmarks\".\"Id\"), " +
                "\"Title\" = (SELECT t.\"Title\" FROM \"Tasks\" t WHERE t.\"BookmarkId\" = \"Bookmarks\".\"Id\"), " +
                "\"DueAt\" = (SELECT t.\"DueAt\" FROM \"Tasks\" t WHERE t.\"BookmarkId\" = \"Bookmarks\".\"Id\") " +
                "WHERE \"Id\" IN (SELECT \"BookmarkId\" FROM \"Tasks\");");

            migrationBuilder.DropTable(
                name: "Tasks");
        }
    }
}
