using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MicroMove.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DeliveryQueueHotUpdates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_prompt_deliveries_open",
                schema: "micromove",
                table: "prompt_deliveries");

            migrationBuilder.AlterTable(
                name: "prompt_deliveries",
                schema: "micromove")
                .Annotation("Npgsql:StorageParameter:fillfactor", 70);

            migrationBuilder.AddColumn<bool>(
                name: "is_open",
                schema: "micromove",
                table: "prompt_deliveries",
                type: "boolean",
                nullable: false,
                computedColumnSql: "status IN ('pending', 'claimed', 'sending')",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_prompt_deliveries_open",
                schema: "micromove",
                table: "prompt_deliveries",
                column: "due_at",
                filter: "is_open");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_prompt_deliveries_open",
                schema: "micromove",
                table: "prompt_deliveries");

            migrationBuilder.DropColumn(
                name: "is_open",
                schema: "micromove",
                table: "prompt_deliveries");

            migrationBuilder.AlterTable(
                name: "prompt_deliveries",
                schema: "micromove")
                .OldAnnotation("Npgsql:StorageParameter:fillfactor", 70);

            migrationBuilder.CreateIndex(
                name: "ix_prompt_deliveries_open",
                schema: "micromove",
                table: "prompt_deliveries",
                column: "due_at",
                filter: "status IN ('pending', 'claimed', 'sending')");
        }
    }
}
