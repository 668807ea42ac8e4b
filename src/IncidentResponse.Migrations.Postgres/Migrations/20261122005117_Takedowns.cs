using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentResponse.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Takedowns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TakedownRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PlatformId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SenderName = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SenderNamePrivate = table.Column<bool>(type: "boolean", nullable: false),
                    SenderEmail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SenderEmailPrivate = table.Column<bool>(type: "boolean", nullable: false),
                    SenderPostalAddress = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SenderPostalAddressPrivate = table.Column<bool>(type: "boolean", nullable: false),
                    SenderPhone = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SenderPhonePrivate = table.Column<bool>(type: "boolean", nullable: false),
                    SenderActsForPersonShown = table.Column<bool>(type: "boolean", nullable: false),
                    GoodFaithConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    AccuracyConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    SignatureConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    CopyrightBasis = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CopyrightedWork = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Reasons = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    LetterDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FinalText = table.Column<string>(type: "text", nullable: true),
                    FinalisedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DueUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReplacesId = table.Column<Guid>(type: "uuid", nullable: true),
                    FollowsUpId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TakedownRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TakedownRequests_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TakedownRequests_TakedownRequests_FollowsUpId",
                        column: x => x.FollowsUpId,
                        principalTable: "TakedownRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TakedownRequests_TakedownRequests_ReplacesId",
                        column: x => x.ReplacesId,
                        principalTable: "TakedownRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TakedownRequestSightings",
                columns: table => new
                {
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    SightingId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TakedownRequestSightings", x => new { x.RequestId, x.SightingId });
                    table.ForeignKey(
                        name: "FK_TakedownRequestSightings_Sightings_SightingId",
                        column: x => x.SightingId,
                        principalTable: "Sightings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TakedownRequestSightings_TakedownRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "TakedownRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TakedownResponses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TakedownResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TakedownResponses_TakedownRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "TakedownRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TakedownRequests_CaseId_CreatedUtc",
                table: "TakedownRequests",
                columns: new[] { "CaseId", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_TakedownRequests_FollowsUpId",
                table: "TakedownRequests",
                column: "FollowsUpId");

            migrationBuilder.CreateIndex(
                name: "IX_TakedownRequests_ReplacesId",
                table: "TakedownRequests",
                column: "ReplacesId");

            migrationBuilder.CreateIndex(
                name: "IX_TakedownRequestSightings_SightingId",
                table: "TakedownRequestSightings",
                column: "SightingId");

            migrationBuilder.CreateIndex(
                name: "IX_TakedownResponses_CaseId",
                table: "TakedownResponses",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_TakedownResponses_RequestId_RecordedUtc",
                table: "TakedownResponses",
                columns: new[] { "RequestId", "RecordedUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TakedownRequestSightings");

            migrationBuilder.DropTable(
                name: "TakedownResponses");

            migrationBuilder.DropTable(
                name: "TakedownRequests");
        }
    }
}
