using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Itsm.Orchestrator.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LeanerWriteIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Instances_CorrelationId",
                table: "Instances");

            migrationBuilder.DropIndex(
                name: "IX_Instances_FinishedAt",
                table: "Instances");

            migrationBuilder.DropIndex(
                name: "IX_Instances_UpdatedAt",
                table: "Instances");

            migrationBuilder.DropIndex(
                name: "IX_Bookmarks_Role_CreatedAt",
                table: "Bookmarks");

            migrationBuilder.CreateIndex(
                name: "IX_Instances_CorrelationId",
                table: "Instances",
                column: "CorrelationId",
                filter: "\"CorrelationId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Instances_FinishedAt",
                table: "Instances",
                column: "FinishedAt",
                filter: "\"FinishedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Bookmarks_Role_CreatedAt",
                table: "Bookmarks",
                columns: new[] { "Role", "CreatedAt" },
                filter: "\"Role\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Instances_CorrelationId",
                table: "Instances");

            migrationBuilder.DropIndex(
                name: "IX_Instances_FinishedAt",
                table: "Instances");

            migrationBuilder.DropIndex(
                name: "IX_Bookmarks_Role_CreatedAt",
                table: "Bookmarks");

            migrationBuilder.CreateIndex(
                name: "IX_Instances_CorrelationId",
                table: "Instances",
                column: "CorrelationId");

            migrationBuilder.CreateIndex(
                name: "IX_Instances_FinishedAt",
                table: "Instances",
                column: "FinishedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Instances_UpdatedAt",
                table: "Instances",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Bookmarks_Role_CreatedAt",
                table: "Bookmarks",
                columns: new[] { "Role", "CreatedAt" });
        }
    }
}
