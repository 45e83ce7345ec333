using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MicroMove.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DevConsoleClock : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dev_console_clock",
                schema: "micromove",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    offset = table.Column<TimeSpan>(type: "interval", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dev_console_clock", x => x.id);
                    table.CheckConstraint("ck_dev_console_clock_single_row", "id = 1");
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dev_console_clock",
                schema: "micromove");
        }
    }
}
