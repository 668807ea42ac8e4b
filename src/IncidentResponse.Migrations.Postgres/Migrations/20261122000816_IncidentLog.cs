using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentResponse.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class IncidentLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Incidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OccurredAt = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SeriesEndOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FoundOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Platform = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    AccountHandle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Perpetrator = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PerpetratorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Narrative = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    EvidenceOfIt = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    WhoYouThink = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    EvidenceOfWho = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    EvidenceStillNeeded = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Concern = table.Column<int>(type: "integer", nullable: false),
                    OccurredSortUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Incidents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Incidents_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IncidentRevisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    SnapshotJson = table.Column<string>(type: "text", nullable: false),
                    SavedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SavedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    ReplacedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReplacedBy = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentRevisions_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Sightings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    UrlKey = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    Platform = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FirstSeenUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastCheckedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sightings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Sightings_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Sightings_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "SightingStatusChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SightingId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    To = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    ChangedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ChangedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SightingStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SightingStatusChanges_Sightings_SightingId",
                        column: x => x.SightingId,
                        principalTable: "Sightings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentRevisions_CaseId",
                table: "IncidentRevisions",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentRevisions_IncidentId_Number",
                table: "IncidentRevisions",
                columns: new[] { "IncidentId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_CaseId_OccurredSortUtc",
                table: "Incidents",
                columns: new[] { "CaseId", "OccurredSortUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Sightings_CaseId_FirstSeenUtc",
                table: "Sightings",
                columns: new[] { "CaseId", "FirstSeenUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Sightings_CaseId_UrlKey",
                table: "Sightings",
                columns: new[] { "CaseId", "UrlKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Sightings_IncidentId",
                table: "Sightings",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_SightingStatusChanges_CaseId",
                table: "SightingStatusChanges",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_SightingStatusChanges_SightingId_ChangedUtc",
                table: "SightingStatusChanges",
                columns: new[] { "SightingId", "ChangedUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IncidentRevisions");

            migrationBuilder.DropTable(
                name: "SightingStatusChanges");

            migrationBuilder.DropTable(
                name: "Sightings");

            migrationBuilder.DropTable(
                name: "Incidents");
        }
    }
}
