using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroMove.Infrastructure.Persistence.Configurations;

internal sealed class PromptDeliveryConfiguration : IEntityTypeConfiguration<PromptDeliveryEntity>
{
    /// <summary>The computed "still to send" flag (column <c>is_open</c>), a shadow property: only SQL reads it.</summary>
    public const string OpenColumn = "IsOpen";

    public void Configure(EntityTypeBuilder<PromptDeliveryEntity> builder)
    {
        builder.ToTable("prompt_deliveries", table =>
        {
            table.HasCheckConstraint("ck_prompt_deliveries_status", $"status IN ({StorageConversions.SqlList<DeliveryStatus>()})");
            table.HasCheckConstraint("ck_prompt_deliveries_kind", $"kind IN ({StorageConversions.SqlList<DeliveryKind>()})");
            table.HasCheckConstraint("ck_prompt_deliveries_attempts", "attempts >= 0");
            table.HasCheckConstraint("ck_prompt_deliveries_fatigue_before", "fatigue_before BETWEEN 1 AND 5");
            table.HasCheckConstraint("ck_prompt_deliveries_one_target", "num_nonnulls(person_id, challenge_id) = 1");
        });
        builder.Property(d => d.Kind).HasConversion(StorageConversions.LowerCase<DeliveryKind>()).HasMaxLength(32);
        builder.Property(d => d.Status).HasConversion(StorageConversions.LowerCase<DeliveryStatus>()).HasMaxLength(16);
        builder.Property(d => d.SlotKey).HasMaxLength(128);
        builder.Property(d => d.Routine).HasMaxLength(32);
        builder.Property(d => d.PlatformMessageRef).HasMaxLength(512);
        builder.Property(d => d.LastError).HasMaxLength(2000);
        builder.Property(d => d.Tip).HasMaxLength(64);
        builder.Property(d => d.Movements)
            .HasColumnType("jsonb")
            .HasConversion(StorageConversions.JsonDocument<List<DeliveredMovement>>(), StorageConversions.JsonComparer<List<DeliveredMovement>>());
        builder.Property(d => d.Version).IsRowVersion();

        builder.HasOne(d => d.Person).WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(d => d.Challenge).WithMany().HasForeignKey(d => d.ChallengeId).OnDelete(DeleteBehavior.Cascade);

        // One delivery per person and slot occurrence: a second dispatch of the same slot is a no-op.
        builder.HasIndex(d => new { d.PersonId, d.SlotKey }).IsUnique();

        // One update per challenge and slot ("2026-11-25/leaderboard", "results"): likewise for channels.
        builder.HasIndex(d => new { d.ChallengeId, d.SlotKey }).IsUnique();

        // Whether the delivery is still to be sent or being sent, computed by PostgreSQL. The queue's index
        // filters on it rather than on status, so that pending → claimed → sending changes no indexed column:
        // PostgreSQL can then write those two updates as HOT updates (a new row version on the same page, no
        // new entry in any of the table's five indexes) and only the final sent/failed/missed one touches them.
        builder.Property<bool>(OpenColumn)
            .HasComputedColumnSql($"status IN ({StorageConversions.SqlList(DeliveryStatus.Pending, DeliveryStatus.Claimed, DeliveryStatus.Sending)})", stored: true);

        // Room on each page for those HOT versions (a row is updated in place twice while it is sent).
        builder.HasStorageParameter("fillfactor", 70);

        // Workers look for work here, oldest first: pending rows, claimed rows whose lease may have
        // run out, and sends whose lease ran out (a dead node's: failed as uncertain).
        builder.HasIndex(d => d.DueAt)
            .HasDatabaseName("ix_prompt_deliveries_open")
            .HasFilter("is_open");
        builder.HasIndex(d => new { d.PersonId, d.DueAt });
    }
}
