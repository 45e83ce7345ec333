namespace MicroMove.Bot.Teams;

/// <summary>
/// Where the Teams protocol layer hands validated activities to the features. Called in a DI
/// scope of its own. <see cref="TeamsConversationHandler"/> is registered by default; tests replace it.
/// </summary>
internal interface ITeamsActivityHandler
{
    /// <summary>
    /// An <c>invoke</c> (e.g. <c>adaptiveCard/action</c>), answered synchronously: the result is the
    /// HTTP response Teams shows (a refreshed card, a message or an error), so return within a few
    /// seconds. Invokes are not de-duplicated here: a retried invoke must get its card again, so
    /// record what it does idempotently (e.g. keyed by the card's own id in <c>data</c>).
    /// </summary>
    Task<InvokeResult> HandleInvokeAsync(TeamsActivity activity, CancellationToken cancellationToken);

    /// <summary>
    /// A <c>message</c>, <c>conversationUpdate</c> or <c>installationUpdate</c>, run after Teams got its
    /// 200, from a bounded queue; each activity id arrives here at most once.
    /// </summary>
    Task HandleActivityAsync(TeamsActivity activity, CancellationToken cancellationToken);
}
