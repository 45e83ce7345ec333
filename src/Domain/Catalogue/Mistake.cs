namespace MicroMove.Domain.Catalogue;

/// <summary>A common mistake, why it undermines the benefit, and its correction; attached to prompts as a tip.</summary>
public sealed record Mistake(MistakeId Id, string Name, string WhyItUndermines, string Correction, PrincipleId Principle)
{
    /// <summary>The one-line tip a prompt shows: "Rushing the motion? Slow down; …".</summary>
    public string Tip => $"{Name}? {Correction}.";
}
