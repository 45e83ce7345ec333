namespace MicroMove.Domain;

/// <summary>A rule of the domain was broken by the caller's input (not a bug in the domain).</summary>
public sealed class DomainException(string message) : Exception(message);
