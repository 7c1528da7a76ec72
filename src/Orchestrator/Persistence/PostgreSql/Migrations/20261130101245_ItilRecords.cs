using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Itsm.Orchestrator.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ItilRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Number",
                table: "Records",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Priority",
                table: "Records",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Records",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Records",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Title",
                table: "Records",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RecordChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RecordType = table.Column<string>(type: "text", nullable: false),
                    RecordId = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    InstanceId = table.Column<string>(type: "text", nullable: false),
                    ActivityId = table.Column<string>(type: "text", nullable: false),
                    Actor = table.Column<string>(type: "text", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    Operation = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RecordCounters",
                columns: table => new
                {
                    RecordType = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordCounters", x => x.RecordType);
                });

            migrationBuilder.CreateTable(
                name: "RecordLinks",
                columns: table => new
                {
                    FromType = table.Column<string>(type: "text", nullable: false),
                    FromId = table.Column<string>(type: "text", nullable: false),
                    ToType = table.Column<string>(type: "text", nullable: false),
                    ToId = table.Column<string>(type: "text", nullable: false),
                    Relation = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordLinks", x => new { x.FromType, x.FromId, x.ToType, x.ToId, x.Relation });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Records_RecordType_CreatedAt_RecordId",
                table: "Records",
                columns: new[] { "RecordType", "CreatedAt", "RecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_Records_RecordType_Number",
                table: "Records",
                columns: new[] { "RecordType", "Number" },
                unique: true,
                filter: "\"Number\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Records_RecordType_Priority",
                table: "Records",
                columns: new[] { "RecordType", "Priority" });

            migrationBuilder.CreateIndex(
                name: "IX_Records_RecordType_Status",
                table: "Records",
                columns: new[] { "RecordType", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_RecordChanges_InstanceId",
                table: "RecordChanges",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_RecordChanges_RecordType_RecordId",
                table: "RecordChanges",
                columns: new[] { "RecordType", "RecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_RecordLinks_ToType_ToId",
                table: "RecordLinks",
                columns: new[] { "ToType", "ToId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RecordChanges");

            migrationBuilder.DropTable(
                name: "RecordCounters");

            migrationBuilder.DropTable(
                name: "RecordLinks");

            migrationBuilder.DropIndex(
                name: "IX_Records_RecordType_CreatedAt_RecordId",
                table: "Records");

            migrationBuilder.DropIndex(
                name: "IX_Records_RecordType_Number",
                table: "Records");

            migrationBuilder.DropIndex(
                name: "IX_Records_RecordType_Priority",
                table: "Records");

            migrationBuilder.DropIndex(
                name: "IX_Records_RecordType_Status",
                table: "Records");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "Records");

            migrationBuilder.DropColumn(
                name: "Priority",
                table: "Records");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Records");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Records");

            migrationBuilder.DropColumn(
                name: "Title",
                table: "Records");
        }
    }
}
