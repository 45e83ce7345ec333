using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MicroMove.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DeliverySending : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_prompt_deliveries_open",
                schema: "micromove",
                table: "prompt_deliveries");

            migrationBuilder.DropCheckConstraint(
                name: "ck_prompt_deliveries_status",
                schema: "micromove",
                table: "prompt_deliveries");

            migrationBuilder.CreateIndex(
                name: "ix_prompt_deliveries_open",
                schema: "micromove",
                table: "prompt_deliveries",
                column: "due_at",
                filter: "status IN ('pending', 'claimed', 'sending')");

            migrationBuilder.AddCheckConstraint(
                name: "ck_prompt_deliveries_status",
                schema: "micromove",
                table: "prompt_deliveries",
                sql: "status IN ('pending', 'claimed', 'sending', 'sent', 'failed', 'missed')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_prompt_deliveries_open",
                schema: "micromove",
                table: "prompt_deliveries");

            migrationBuilder.DropCheckConstraint(
                name: "ck_prompt_deliveries_status",
                schema: "micromove",
                table: "prompt_deliveries");

            migrationBuilder.CreateIndex(
                name: "ix_prompt_deliveries_open",
                schema: "micromove",
                table: "prompt_deliveries",
                column: "due_at",
                filter: "status IN ('pending', 'claimed')");

            migrationBuilder.AddCheckConstraint(
                name: "ck_prompt_deliveries_status",
                schema: "micromove",
                table: "prompt_deliveries",
                sql: "status IN ('pending', 'claimed', 'sent', 'failed', 'missed')");
        }
    }
}
