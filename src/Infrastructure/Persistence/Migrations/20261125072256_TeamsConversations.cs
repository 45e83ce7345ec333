using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MicroMove.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TeamsConversations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "teams_conversations",
                schema: "micromove",
                columns: table => new
                {
                    conversation_id = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    service_url = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    conversation_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    user_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    aad_object_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    bot_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    last_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_teams_conversations", x => x.conversation_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_teams_conversations_service_url",
                schema: "micromove",
                table: "teams_conversations",
                column: "service_url");

            migrationBuilder.CreateIndex(
                name: "ix_teams_conversations_tenant_id_aad_object_id",
                schema: "micromove",
                table: "teams_conversations",
                columns: new[] { "tenant_id", "aad_object_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "teams_conversations",
                schema: "micromove");
        }
    }
}
