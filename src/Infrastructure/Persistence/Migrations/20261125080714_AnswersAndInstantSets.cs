using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MicroMove.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AnswersAndInstantSets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_prompt_deliveries_kind",
                schema: "micromove",
                table: "prompt_deliveries");

            migrationBuilder.AddColumn<short>(
                name: "fatigue_before",
                schema: "micromove",
                table: "prompt_deliveries",
                type: "smallint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "snoozes",
                schema: "micromove",
                table: "prompt_deliveries",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddCheckConstraint(
                name: "ck_prompt_deliveries_fatigue_before",
                schema: "micromove",
                table: "prompt_deliveries",
                sql: "fatigue_before BETWEEN 1 AND 5");

            migrationBuilder.AddCheckConstraint(
                name: "ck_prompt_deliveries_kind",
                schema: "micromove",
                table: "prompt_deliveries",
                sql: "kind IN ('prompt', 'weeklysummary', 'instantset')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_prompt_deliveries_fatigue_before",
                schema: "micromove",
                table: "prompt_deliveries");

            migrationBuilder.DropCheckConstraint(
                name: "ck_prompt_deliveries_kind",
                schema: "micromove",
                table: "prompt_deliveries");

            migrationBuilder.DropColumn(
                name: "fatigue_before",
                schema: "micromove",
                table: "prompt_deliveries");

            migrationBuilder.DropColumn(
                name: "snoozes",
                schema: "micromove",
                table: "prompt_deliveries");

            migrationBuilder.AddCheckConstraint(
                name: "ck_prompt_deliveries_kind",
                schema: "micromove",
                table: "prompt_deliveries",
                sql: "kind IN ('prompt', 'weeklysummary')");
        }
    }
}
