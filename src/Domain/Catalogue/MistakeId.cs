namespace MicroMove.Domain.Catalogue;

/// <summary>The article's common mistakes.</summary>
public enum MistakeId
{
    RushingTheMotion,
    HoldingBreath,
    SlouchedBase,
    OverRepeatingOneMovement,
    NeglectingLowerBody,
}
