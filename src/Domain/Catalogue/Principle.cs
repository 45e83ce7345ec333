namespace MicroMove.Domain.Catalogue;

/// <summary>A principle of effective micro-movements, shown to people as a tip.</summary>
public sealed record Principle(PrincipleId Id, string Name, string Guidance);
