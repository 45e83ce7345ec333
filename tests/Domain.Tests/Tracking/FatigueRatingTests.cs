using MicroMove.Domain.Tracking;

namespace MicroMove.Domain.Tests.Tracking;

public sealed class FatigueRatingTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Create_ValueWithinOneToFive_KeepsTheValue(int value)
    {
        Assert.True(FatigueRating.TryCreate(value, out var rating));
        Assert.Equal(value, rating.Value);
        Assert.Equal(value, FatigueRating.Create(value).Value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void Create_ValueOutsideOneToFive_IsRejected(int value)
    {
        Assert.False(FatigueRating.TryCreate(value, out _));
        Assert.Throws<DomainException>(() => FatigueRating.Create(value));
    }
}
