using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentResponse.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DataProtectionKeysForTheLibrary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Xml",
                table: "DataProtectionKeys",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "FriendlyName",
                table: "DataProtectionKeys",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(128)",
                oldMaxLength: 128);

            // Written by hand (ADR 0017, 0021). The rows stay where they are: the library's entity maps to this table
            // as it is, only without the length limit and NOT NULL. Each entry names the class that decrypts it; entries
            // stored before issue 17 name it in its old namespace, which our own repository translated on every read.
            // The library's repository returns entries as stored, so they are renamed here, once, and keep opening.
            migrationBuilder.Sql(
                """
                UPDATE "DataProtectionKeys"
                SET "Xml" = REPLACE("Xml", 'IncidentResponse.Web.Infrastructure.MasterKeyXmlDecryptor,', 'IncidentResponse.Web.Security.MasterKeyXmlDecryptor,')
                WHERE "Xml" LIKE '%IncidentResponse.Web.Infrastructure.MasterKeyXmlDecryptor,%'
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Xml",
                table: "DataProtectionKeys",
                type: "text",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "FriendlyName",
                table: "DataProtectionKeys",
                type: "character varying(128)",
                maxLength: 128,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);
        }
    }
}
