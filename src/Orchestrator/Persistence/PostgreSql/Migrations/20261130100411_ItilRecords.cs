using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Itsm.Orchestrator.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ItilRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RecordCounters");
        }
    }
}
