using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MicroMove.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "micromove");

            migrationBuilder.CreateTable(
                name: "processed_inbound_events",
                schema: "micromove",
                columns: table => new
                {
                    platform = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    event_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_processed_inbound_events", x => new { x.platform, x.event_id });
                });

            migrationBuilder.CreateTable(
                name: "workspaces",
                schema: "micromove",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    platform = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    external_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    encrypted_credentials = table.Column<byte[]>(type: "bytea", nullable: true),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deactivated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workspaces", x => x.id);
                    table.CheckConstraint("ck_workspaces_platform", "platform IN ('slack', 'teams', 'console')");
                });

            migrationBuilder.CreateTable(
                name: "challenges",
                schema: "micromove",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    workspace_id = table.Column<Guid>(type: "uuid", nullable: false),
                    channel_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_by_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    daily_goal = table.Column<int>(type: "integer", nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_challenges", x => x.id);
                    table.CheckConstraint("ck_challenges_daily_goal", "daily_goal BETWEEN 1 AND 50");
                    table.CheckConstraint("ck_challenges_dates", "ends_on >= starts_on");
                    table.ForeignKey(
                        name: "fk_challenges_workspaces_workspace_id",
                        column: x => x.workspace_id,
                        principalSchema: "micromove",
                        principalTable: "workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "people",
                schema: "micromove",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    workspace_id = table.Column<Guid>(type: "uuid", nullable: false),
                    platform_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    display_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    time_zone_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    schedule = table.Column<string>(type: "jsonb", nullable: false),
                    paused_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    next_prompt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    conversation_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    service_url = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    unreachable_reason = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_people", x => x.id);
                    table.ForeignKey(
                        name: "fk_people_workspaces_workspace_id",
                        column: x => x.workspace_id,
                        principalSchema: "micromove",
                        principalTable: "workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "challenge_participants",
                schema: "micromove",
                columns: table => new
                {
                    challenge_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    joined_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_challenge_participants", x => new { x.challenge_id, x.person_id });
                    table.ForeignKey(
                        name: "fk_challenge_participants_challenges_challenge_id",
                        column: x => x.challenge_id,
                        principalSchema: "micromove",
                        principalTable: "challenges",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_challenge_participants_people_person_id",
                        column: x => x.person_id,
                        principalSchema: "micromove",
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "prompt_deliveries",
                schema: "micromove",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    workspace_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    slot_key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    routine = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    movements = table.Column<string>(type: "jsonb", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    lease_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    not_before = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    platform_message_ref = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_prompt_deliveries", x => x.id);
                    table.CheckConstraint("ck_prompt_deliveries_attempts", "attempts >= 0");
                    table.CheckConstraint("ck_prompt_deliveries_kind", "kind IN ('prompt', 'weeklysummary')");
                    table.CheckConstraint("ck_prompt_deliveries_status", "status IN ('pending', 'claimed', 'sent', 'failed', 'missed')");
                    table.ForeignKey(
                        name: "fk_prompt_deliveries_people_person_id",
                        column: x => x.person_id,
                        principalSchema: "micromove",
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "log_entries",
                schema: "micromove",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    delivery_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_key = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false),
                    done_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    movements = table.Column<List<string>>(type: "text[]", nullable: false),
                    routine = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    fatigue_before = table.Column<short>(type: "smallint", nullable: true),
                    fatigue_after = table.Column<short>(type: "smallint", nullable: true),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_log_entries", x => x.id);
                    table.CheckConstraint("ck_log_entries_fatigue_after", "fatigue_after BETWEEN 1 AND 5");
                    table.CheckConstraint("ck_log_entries_fatigue_before", "fatigue_before BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "fk_log_entries_people_person_id",
                        column: x => x.person_id,
                        principalSchema: "micromove",
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_log_entries_prompt_deliveries_delivery_id",
                        column: x => x.delivery_id,
                        principalSchema: "micromove",
                        principalTable: "prompt_deliveries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "ix_challenge_participants_person_id",
                schema: "micromove",
                table: "challenge_participants",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_challenges_workspace_id_channel_id",
                schema: "micromove",
                table: "challenges",
                columns: new[] { "workspace_id", "channel_id" });

            migrationBuilder.CreateIndex(
                name: "ix_log_entries_delivery_id",
                schema: "micromove",
                table: "log_entries",
                column: "delivery_id",
                unique: true,
                filter: "delivery_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_log_entries_person_id_done_at",
                schema: "micromove",
                table: "log_entries",
                columns: new[] { "person_id", "done_at" });

            migrationBuilder.CreateIndex(
                name: "ix_log_entries_person_id_source_key",
                schema: "micromove",
                table: "log_entries",
                columns: new[] { "person_id", "source_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_people_due",
                schema: "micromove",
                table: "people",
                column: "next_prompt_at",
                filter: "active AND next_prompt_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_people_workspace_id_platform_user_id",
                schema: "micromove",
                table: "people",
                columns: new[] { "workspace_id", "platform_user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_processed_inbound_events_received_at",
                schema: "micromove",
                table: "processed_inbound_events",
                column: "received_at");

            migrationBuilder.CreateIndex(
                name: "ix_prompt_deliveries_open",
                schema: "micromove",
                table: "prompt_deliveries",
                column: "not_before",
                filter: "status IN ('pending', 'claimed')");

            migrationBuilder.CreateIndex(
                name: "ix_prompt_deliveries_person_id_due_at",
                schema: "micromove",
                table: "prompt_deliveries",
                columns: new[] { "person_id", "due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_prompt_deliveries_person_id_slot_key",
                schema: "micromove",
                table: "prompt_deliveries",
                columns: new[] { "person_id", "slot_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_workspaces_platform_external_id",
                schema: "micromove",
                table: "workspaces",
                columns: new[] { "platform", "external_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "challenge_participants",
                schema: "micromove");

            migrationBuilder.DropTable(
                name: "log_entries",
                schema: "micromove");

            migrationBuilder.DropTable(
                name: "processed_inbound_events",
                schema: "micromove");

            migrationBuilder.DropTable(
                name: "challenges",
                schema: "micromove");

            migrationBuilder.DropTable(
                name: "prompt_deliveries",
                schema: "micromove");

            migrationBuilder.DropTable(
                name: "people",
                schema: "micromove");

            migrationBuilder.DropTable(
                name: "workspaces",
                schema: "micromove");
        }
    }
}
