namespace MicroMove.Bot.Chat;

/// <summary>
/// Called by a gateway right before the request that may create the message on the platform —
/// after its rate-limit waits — so the caller can record that from now on the message may exist.
/// False: the caller no longer owns the send; the gateway posts nothing.
/// </summary>
/// <remarks>
/// The delivery worker marks its row "sending" here: a node that dies while still waiting for a
/// rate-limit permit has posted nothing, so its claim is simply taken over later, not doubted.
/// The Teams gateway still passes a per-tenant posting gate after it (a wait of about the spread of
/// the checkpoint's own latency), so that posts leave at most 50 in any window however long each
/// checkpoint took; a node that dies during that short wait leaves a doubted send, never a second copy.
/// </remarks>
internal delegate Task<bool> PostingCheckpoint(CancellationToken cancellationToken);
