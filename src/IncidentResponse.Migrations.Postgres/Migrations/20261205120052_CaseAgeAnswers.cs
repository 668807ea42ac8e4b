using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentResponse.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CaseAgeAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MadeUnderEighteen",
                table: "Cases",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UnderEighteenNow",
                table: "Cases",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MadeUnderEighteen",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "UnderEighteenNow",
                table: "Cases");
        }
    }
}
