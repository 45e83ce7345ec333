namespace MicroMove.Domain.Challenges;

public enum ChallengeStage
{
    NotStarted,
    Running,
    Finished,
}
