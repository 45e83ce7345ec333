namespace MicroMove.Domain.Messages;

/// <summary>One line of help: how to say it, and what it does.</summary>
public sealed record HelpEntry(string Usage, string Meaning);
