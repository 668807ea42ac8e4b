using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentResponse.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RetiredUsernames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RetiredUsernames",
                columns: table => new
                {
                    NameHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    FreeAfterUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetiredUsernames", x => x.NameHash);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RetiredUsernames_FreeAfterUtc",
                table: "RetiredUsernames",
                column: "FreeAfterUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RetiredUsernames");
        }
    }
}
