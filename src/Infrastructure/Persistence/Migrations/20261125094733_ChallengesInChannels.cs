using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MicroMove.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ChallengesInChannels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_prompt_deliveries_kind",
                schema: "micromove",
                table: "prompt_deliveries");

            migrationBuilder.DropIndex(
                name: "ix_challenges_workspace_id_channel_id",
                schema: "micromove",
                table: "challenges");

            migrationBuilder.AlterColumn<Guid>(
                name: "person_id",
                schema: "micromove",
                table: "prompt_deliveries",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<Guid>(
                name: "challenge_id",
                schema: "micromove",
                table: "prompt_deliveries",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "card_message_ref",
                schema: "micromove",
                table: "challenges",
                type: "character varying(512)",
                maxLength: 512,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "days",
                schema: "micromove",
                table: "challenges",
                type: "integer",
                nullable: false,
                defaultValue: 5);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ended_at",
                schema: "micromove",
                table: "challenges",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "next_update_at",
                schema: "micromove",
                table: "challenges",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "service_url",
                schema: "micromove",
                table: "challenges",
                type: "character varying(512)",
                maxLength: 512,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "time_zone_id",
                schema: "micromove",
                table: "challenges",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "Etc/UTC");

            migrationBuilder.AddColumn<TimeOnly>(
                name: "update_time",
                schema: "micromove",
                table: "challenges",
                type: "time without time zone",
                nullable: false,
                defaultValue: new TimeOnly(17, 30, 0));

            migrationBuilder.AddColumn<List<int>>(
                name: "work_days",
                schema: "micromove",
                table: "challenges",
                type: "integer[]",
                nullable: false,
                defaultValueSql: "'{1,2,3,4,5}'");

            migrationBuilder.CreateIndex(
                name: "ix_prompt_deliveries_challenge_id_slot_key",
                schema: "micromove",
                table: "prompt_deliveries",
                columns: new[] { "challenge_id", "slot_key" },
                unique: true);

            migrationBuilder.AddCheckConstraint(
                name: "ck_prompt_deliveries_kind",
                schema: "micromove",
                table: "prompt_deliveries",
                sql: "kind IN ('prompt', 'weeklysummary', 'instantset', 'challengeupdate', 'challengeresults')");

            migrationBuilder.AddCheckConstraint(
                name: "ck_prompt_deliveries_one_target",
                schema: "micromove",
                table: "prompt_deliveries",
                sql: "num_nonnulls(person_id, challenge_id) = 1");

            migrationBuilder.CreateIndex(
                name: "ix_challenges_update_due",
                schema: "micromove",
                table: "challenges",
                column: "next_update_at",
                filter: "active AND next_update_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ux_challenges_one_active_per_channel",
                schema: "micromove",
                table: "challenges",
                columns: new[] { "workspace_id", "channel_id" },
                unique: true,
                filter: "active");

            migrationBuilder.AddCheckConstraint(
                name: "ck_challenges_days",
                schema: "micromove",
                table: "challenges",
                sql: "days BETWEEN 1 AND 366");

            migrationBuilder.AddForeignKey(
                name: "fk_prompt_deliveries_challenges_challenge_id",
                schema: "micromove",
                table: "prompt_deliveries",
                column: "challenge_id",
                principalSchema: "micromove",
                principalTable: "challenges",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_prompt_deliveries_challenges_challenge_id",
                schema: "micromove",
                table: "prompt_deliveries");

            migrationBuilder.DropIndex(
                name: "ix_prompt_deliveries_challenge_id_slot_key",
                schema: "micromove",
                table: "prompt_deliveries");

            migrationBuilder.DropCheckConstraint(
                name: "ck_prompt_deliveries_kind",
                schema: "micromove",
                table: "prompt_deliveries");

            migrationBuilder.DropCheckConstraint(
                name: "ck_prompt_deliveries_one_target",
                schema: "micromove",
                table: "prompt_deliveries");

            migrationBuilder.DropIndex(
                name: "ix_challenges_update_due",
                schema: "micromove",
                table: "challenges");

            migrationBuilder.DropIndex(
                name: "ux_challenges_one_active_per_channel",
                schema: "micromove",
                table: "challenges");

            migrationBuilder.DropCheckConstraint(
                name: "ck_challenges_days",
                schema: "micromove",
                table: "challenges");

            migrationBuilder.DropColumn(
                name: "challenge_id",
                schema: "micromove",
                table: "prompt_deliveries");

            migrationBuilder.DropColumn(
                name: "card_message_ref",
                schema: "micromove",
                table: "challenges");

            migrationBuilder.DropColumn(
                name: "days",
                schema: "micromove",
                table: "challenges");

            migrationBuilder.DropColumn(
                name: "ended_at",
                schema: "micromove",
                table: "challenges");

            migrationBuilder.DropColumn(
                name: "next_update_at",
                schema: "micromove",
                table: "challenges");

            migrationBuilder.DropColumn(
                name: "service_url",
                schema: "micromove",
                table: "challenges");

            migrationBuilder.DropColumn(
                name: "time_zone_id",
                schema: "micromove",
                table: "challenges");

            migrationBuilder.DropColumn(
                name: "update_time",
                schema: "micromove",
                table: "challenges");

            migrationBuilder.DropColumn(
                name: "work_days",
                schema: "micromove",
                table: "challenges");

            migrationBuilder.AlterColumn<Guid>(
                name: "person_id",
                schema: "micromove",
                table: "prompt_deliveries",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AddCheckConstraint(
                name: "ck_prompt_deliveries_kind",
                schema: "micromove",
                table: "prompt_deliveries",
                sql: "kind IN ('prompt', 'weeklysummary', 'instantset')");

            migrationBuilder.CreateIndex(
                name: "ix_challenges_workspace_id_channel_id",
                schema: "micromove",
                table: "challenges",
                columns: new[] { "workspace_id", "channel_id" });
        }
    }
}
