namespace Observatoire.Web.Pages.Errors;

/// <summary>French error pages; never a stack trace.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true)]
public class StatusModel : PageModel
{
    public string Title { get; private set; } = "";
    public string Advice { get; private set; } = "";

    public void OnGet(int code) => Describe(code);
    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        (Title, Advice) = code switch
        {
            400 => ("Requête invalide", "Le formulaire a expiré ou a été mal transmis. Revenez en arrière, rechargez la page et recommencez."),
            403 => ("Accès refusé", "Votre compte n'a pas les droits pour cette page. Si vous pensez que c'est une erreur, contactez la coordination de l'observatoire."),
            404 => ("Page introuvable", "Cette page n'existe pas ou a été déplacée. Vérifiez l'adresse, ou repartez de l'accueil."),
            429 => ("Trop de demandes", "Vous avez fait beaucoup de demandes en peu de temps. Patientez une minute puis réessayez."),
            503 => ("Service momentanément indisponible", "Le portail ne joint pas sa base de données. Réessayez dans quelques instants."),
            _ => ("Une erreur s'est produite", "Le portail a rencontré un problème. Réessayez dans quelques instants ; si cela persiste, prévenez l'administrateur."),
        };
        if (code is >= 400 and < 600) Response.StatusCode = code;
    }
}
