using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentResponse.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PerceptualHashes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "PerceptualHash",
                table: "EvidenceItems",
                type: "BLOB",
                maxLength: 62,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PerceptualQuality",
                table: "EvidenceItems",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PerceptualHash",
                table: "EvidenceItems");

            migrationBuilder.DropColumn(
                name: "PerceptualQuality",
                table: "EvidenceItems");
        }
    }
}
