using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentResponse.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OriginalsGrant : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RevealedDetails",
                table: "EvidenceItems",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "OriginalsGranted",
                table: "CaseMembers",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RevealedDetails",
                table: "EvidenceItems");

            migrationBuilder.DropColumn(
                name: "OriginalsGranted",
                table: "CaseMembers");
        }
    }
}
