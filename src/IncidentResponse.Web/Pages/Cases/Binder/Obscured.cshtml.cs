namespace IncidentResponse.Web.Pages.Cases.Binder;

/// <summary>An exhibit's pixelated rendering, for the print view of an obscured exhibit.</summary>
public sealed class ObscuredModel(ExhibitPictures pictures) : BinderResourceModel(pictures)
{
    protected override string Kind => "obscured";
}
