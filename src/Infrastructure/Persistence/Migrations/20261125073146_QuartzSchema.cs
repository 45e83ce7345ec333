using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MicroMove.Infrastructure.Persistence.Migrations
{
    /// <summary>Quartz.NET's clustered job store tables, in their own schema, from the pinned Quartz's embedded DDL.</summary>
    public partial class QuartzSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(Scheduling.QuartzSchema.SchemaName);
            foreach (var statement in Scheduling.QuartzSchema.Statements())
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"DROP SCHEMA IF EXISTS {Scheduling.QuartzSchema.SchemaName} CASCADE");
        }
    }
}
