namespace MicroMove.Domain.Catalogue;

/// <summary>The article's five sources of sitting fatigue.</summary>
public enum FatigueSourceId
{
    StaticLoading,
    ReducedCirculation,
    ForwardHeadPosture,
    HipFlexorShortening,
    ThoracicRigidity,
}
