using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroMove.Infrastructure.Persistence.Configurations;

internal sealed class PromptDeliveryConfiguration : IEntityTypeConfiguration<PromptDeliveryEntity>
{
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

        // Workers look for work here, oldest first: pending rows, claimed rows whose lease may have
        // run out, and sends whose lease ran out (a dead node's: failed as uncertain).
        builder.HasIndex(d => d.DueAt)
            .HasDatabaseName("ix_prompt_deliveries_open")
            .HasFilter("status IN ('pending', 'claimed', 'sending')");
        builder.HasIndex(d => new { d.PersonId, d.DueAt });
    }
}
