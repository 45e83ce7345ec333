namespace MicroMove.Bot.Teams;

/// <summary>The <c>value</c> of an <c>adaptiveCard/action</c> invoke.</summary>
internal sealed record AdaptiveCardInvokeValue
{
    public const string ManualTrigger = "manual";
    public const string AutomaticTrigger = "automatic";

    public AdaptiveCardAction? Action { get; init; }

    /// <summary><c>manual</c> (a click) or <c>automatic</c> (a refresh on display: answer with a card only).</summary>
    public string? Trigger { get; init; }
}
