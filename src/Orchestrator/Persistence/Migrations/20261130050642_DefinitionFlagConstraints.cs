using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Itsm.Orchestrator.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DefinitionFlagConstraints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "UX_Definitions_OneLatest",
                table: "Definitions");

            migrationBuilder.DropIndex(
                name: "UX_Definitions_OnePublished",
                table: "Definitions");
        }
    }
}
