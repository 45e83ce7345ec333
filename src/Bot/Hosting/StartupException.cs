namespace MicroMove.Bot.Hosting;

/// <summary>MicroMove cannot start; the message is the one line the operator sees, saying what to do.</summary>
internal sealed class StartupException(string message) : Exception(message);
