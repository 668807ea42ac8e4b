using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentResponse.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class HelpersAndSharedNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "NoteShared",
                table: "SafetyPlanSteps",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "HelpersSeeEachOther",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NoteShared",
                table: "SafetyPlanSteps");

            migrationBuilder.DropColumn(
                name: "HelpersSeeEachOther",
                table: "Cases");
        }
    }
}
