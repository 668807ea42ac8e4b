using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentResponse.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TimelineTakedowns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TakedownResponses_CaseId",
                table: "TakedownResponses");

            migrationBuilder.DropIndex(
                name: "IX_Sightings_CaseId_FirstSeenUtc",
                table: "Sightings");

            migrationBuilder.DropIndex(
                name: "IX_Incidents_CaseId_OccurredSortUtc",
                table: "Incidents");

            migrationBuilder.DropIndex(
                name: "IX_EvidenceItems_CaseId_ReceivedUtc",
                table: "EvidenceItems");

            migrationBuilder.AddColumn<DateTime>(
                name: "ReceivedUtc",
                table: "TakedownResponses",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<DateTime>(
                name: "SentUtc",
                table: "TakedownRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_TakedownResponses_CaseId_ReceivedUtc_Id",
                table: "TakedownResponses",
                columns: new[] { "CaseId", "ReceivedUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_TakedownRequests_CaseId_SentUtc_Id",
                table: "TakedownRequests",
                columns: new[] { "CaseId", "SentUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Sightings_CaseId_FirstSeenUtc_Id",
                table: "Sightings",
                columns: new[] { "CaseId", "FirstSeenUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_CaseId_OccurredSortUtc_Id",
                table: "Incidents",
                columns: new[] { "CaseId", "OccurredSortUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceItems_CaseId_ReceivedUtc_Id",
                table: "EvidenceItems",
                columns: new[] { "CaseId", "ReceivedUtc", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TakedownResponses_CaseId_ReceivedUtc_Id",
                table: "TakedownResponses");

            migrationBuilder.DropIndex(
                name: "IX_TakedownRequests_CaseId_SentUtc_Id",
                table: "TakedownRequests");

            migrationBuilder.DropIndex(
                name: "IX_Sightings_CaseId_FirstSeenUtc_Id",
                table: "Sightings");

            migrationBuilder.DropIndex(
                name: "IX_Incidents_CaseId_OccurredSortUtc_Id",
                table: "Incidents");

            migrationBuilder.DropIndex(
                name: "IX_EvidenceItems_CaseId_ReceivedUtc_Id",
                table: "EvidenceItems");

            migrationBuilder.DropColumn(
                name: "ReceivedUtc",
                table: "TakedownResponses");

            migrationBuilder.DropColumn(
                name: "SentUtc",
                table: "TakedownRequests");

            migrationBuilder.CreateIndex(
                name: "IX_TakedownResponses_CaseId",
                table: "TakedownResponses",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Sightings_CaseId_FirstSeenUtc",
                table: "Sightings",
                columns: new[] { "CaseId", "FirstSeenUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_CaseId_OccurredSortUtc",
                table: "Incidents",
                columns: new[] { "CaseId", "OccurredSortUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceItems_CaseId_ReceivedUtc",
                table: "EvidenceItems",
                columns: new[] { "CaseId", "ReceivedUtc" });
        }
    }
}
