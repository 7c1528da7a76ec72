using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Itsm.Orchestrator.Persistence.Migrations
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
                    RecordType = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false)
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
