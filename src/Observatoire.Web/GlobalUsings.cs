// Namespaces most files of this project use, imported once (files keep the usings only they need).
global using System.ComponentModel.DataAnnotations;
global using System.Globalization;
global using System.Security.Claims;
global using Microsoft.AspNetCore.Authorization;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.AspNetCore.Mvc.RazorPages;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.EntityFrameworkCore.Metadata.Builders;
global using Observatoire.Web.Analysis;
global using Observatoire.Web.Data;
global using Observatoire.Web.Domain;
global using Observatoire.Web.Infrastructure;
