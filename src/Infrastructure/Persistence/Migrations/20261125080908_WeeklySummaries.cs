using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MicroMove.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class WeeklySummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "next_summary_at",
                schema: "micromove",
                table: "people",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_people_summary_due",
                schema: "micromove",
                table: "people",
                column: "next_summary_at",
                filter: "active AND next_summary_at IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_people_summary_due",
                schema: "micromove",
                table: "people");

            migrationBuilder.DropColumn(
                name: "next_summary_at",
                schema: "micromove",
                table: "people");
        }
    }
}
