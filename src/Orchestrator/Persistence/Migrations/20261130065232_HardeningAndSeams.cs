using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Itsm.Orchestrator.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class HardeningAndSeams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SessionStamp",
                table: "Users",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Actor",
                table: "Journal",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "InstanceAttempts",
                columns: table => new
                {
                    InstanceId = table.Column<string>(type: "TEXT", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    LastAttemptAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InstanceAttempts", x => x.InstanceId);
                });

            migrationBuilder.CreateTable(
                name: "Outbox",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    InstanceId = table.Column<string>(type: "TEXT", nullable: true),
                    PayloadJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AvailableAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Records",
                columns: table => new
                {
                    RecordType = table.Column<string>(type: "TEXT", nullable: false),
                    RecordId = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    DataJson = table.Column<string>(type: "TEXT", nullable: false),
                    InstanceId = table.Column<string>(type: "TEXT", nullable: false),
                    ActivityId = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Records", x => new { x.RecordType, x.RecordId });
                });

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

            migrationBuilder.CreateTable(
                name: "WebhookDeliveries",
                columns: table => new
                {
                    Route = table.Column<string>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", nullable: false),
                    InstanceId = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookDeliveries", x => new { x.Route, x.Key });
                });

            migrationBuilder.CreateIndex(
                name: "UX_Definitions_OneLatest",
                table: "Definitions",
                column: "DefinitionId",
                unique: true,
                filter: "\"IsLatest\"");

            migrationBuilder.CreateIndex(
                name: "UX_Definitions_OnePublished",
                table: "Definitions",
                column: "DefinitionId",
                unique: true,
                filter: "\"IsPublished\"");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_AvailableAt",
                table: "Outbox",
                column: "AvailableAt");

            migrationBuilder.CreateIndex(
                name: "IX_Records_InstanceId",
                table: "Records",
                column: "InstanceId");

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

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_ReceivedAt",
                table: "WebhookDeliveries",
                column: "ReceivedAt");
            // Open tasks move out of their bookmark rows before the columns go (ordered by hand: EF drops first).
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

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InstanceAttempts");

            migrationBuilder.DropTable(
                name: "Outbox");

            migrationBuilder.DropTable(
                name: "Records");

            migrationBuilder.DropTable(
                name: "WebhookDeliveries");

            migrationBuilder.DropIndex(
                name: "UX_Definitions_OneLatest",
                table: "Definitions");

            migrationBuilder.DropIndex(
                name: "UX_Definitions_OnePublished",
                table: "Definitions");

            migrationBuilder.DropColumn(
                name: "SessionStamp",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "Actor",
                table: "Journal");

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
            // Tasks go back into their bookmark rows before the Tasks table is dropped (ordered by hand).
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
