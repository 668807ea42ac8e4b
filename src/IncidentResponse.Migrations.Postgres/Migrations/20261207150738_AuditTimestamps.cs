using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentResponse.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AuditTimestamps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditTimestamps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Digest = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    Token = table.Column<byte[]>(type: "bytea", maxLength: 65536, nullable: false),
                    StampedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    KeptUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Authority = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditTimestamps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuditTimestamps_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditTimestamps_CaseId_Sequence",
                table: "AuditTimestamps",
                columns: new[] { "CaseId", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditTimestamps");
        }
    }
}
