using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentResponse.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ContactsAndDemands : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "FromIncidentId",
                table: "ThreatAssessments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactJson",
                table: "Incidents",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DeadlineUtc",
                table: "Incidents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_CaseId_DeadlineUtc",
                table: "Incidents",
                columns: new[] { "CaseId", "DeadlineUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Incidents_CaseId_DeadlineUtc",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "FromIncidentId",
                table: "ThreatAssessments");

            migrationBuilder.DropColumn(
                name: "ContactJson",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "DeadlineUtc",
                table: "Incidents");
        }
    }
}
