using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MicroMove.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DeliveryQueueAndConsole : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_prompt_deliveries_open",
                schema: "micromove",
                table: "prompt_deliveries");

            migrationBuilder.AddColumn<List<string>>(
                name: "notes",
                schema: "micromove",
                table: "prompt_deliveries",
                type: "text[]",
                nullable: false);

            migrationBuilder.AddColumn<string>(
                name: "tip",
                schema: "micromove",
                table: "prompt_deliveries",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "console_messages",
                schema: "micromove",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    workspace_id = table.Column<Guid>(type: "uuid", nullable: false),
                    conversation_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    fallback_text = table.Column<string>(type: "text", nullable: false),
                    slack_payload = table.Column<string>(type: "jsonb", nullable: true),
                    teams_payload = table.Column<string>(type: "jsonb", nullable: true),
                    from_person = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_console_messages", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_prompt_deliveries_open",
                schema: "micromove",
                table: "prompt_deliveries",
                column: "due_at",
                filter: "status IN ('pending', 'claimed')");

            migrationBuilder.CreateIndex(
                name: "ix_console_messages_workspace_id_conversation_id_created_at",
                schema: "micromove",
                table: "console_messages",
                columns: new[] { "workspace_id", "conversation_id", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "console_messages",
                schema: "micromove");

            migrationBuilder.DropIndex(
                name: "ix_prompt_deliveries_open",
                schema: "micromove",
                table: "prompt_deliveries");

            migrationBuilder.DropColumn(
                name: "notes",
                schema: "micromove",
                table: "prompt_deliveries");

            migrationBuilder.DropColumn(
                name: "tip",
                schema: "micromove",
                table: "prompt_deliveries");

            migrationBuilder.CreateIndex(
                name: "ix_prompt_deliveries_open",
                schema: "micromove",
                table: "prompt_deliveries",
                column: "not_before",
                filter: "status IN ('pending', 'claimed')");
        }
    }
}
