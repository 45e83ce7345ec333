namespace MicroMove.Domain.Catalogue;

/// <summary>The article's three categories of micro-movement.</summary>
public enum BodyRegion
{
    UpperBody,
    LowerBody,
    Spine,
}
