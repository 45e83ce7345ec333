using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroMove.Infrastructure.Persistence.Configurations;

internal sealed class ChallengeParticipantConfiguration : IEntityTypeConfiguration<ChallengeParticipantEntity>
{
    public void Configure(EntityTypeBuilder<ChallengeParticipantEntity> builder)
    {
        builder.ToTable("challenge_participants");
        builder.HasKey(p => new { p.ChallengeId, p.PersonId });
        builder.HasOne(p => p.Challenge).WithMany(c => c.Participants).HasForeignKey(p => p.ChallengeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Person).WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
