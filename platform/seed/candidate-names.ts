/**
 * Names of the demo's candidates: first names given in France to children born between 1995 and
 * 2010 (when the demo's 16 to 30 year olds were), a few compound and a few Basque or Occitan
 * ones, and family names common in France and in Nouvelle-Aquitaine. Written for the project;
 * any resemblance to a real person is accidental.
 */
import { list } from './directory';

export const FEMALE_FIRST_NAMES = list(`
  Emma, Léa, Chloé, Manon, Camille, Inès, Jade, Sarah, Lucie, Clara, Océane, Marie, Laura, Pauline, Anaïs,
  Mathilde, Juliette, Lola, Zoé, Louise, Eva, Lina, Maëlys, Lilou, Romane, Alicia, Margaux, Justine,
  Morgane, Audrey, Élise, Charlotte, Anna, Julie, Émilie, Noémie, Célia, Amandine, Salomé, Nina, Yasmine,
  Sofia, Aya, Maïwenn, Elsa, Agathe, Capucine, Mélissa, Cassandra, Kenza, Amira, Lou, Eloïse, Ambre,
  Apolline, Coralie, Estelle, Marine, Alexia, Mélanie, Clémence, Solène, Jeanne, Léna, Maddi, Amaia,
  Elorri, Maïté, Marie-Lou, Anne-Sophie, Lou-Anne, Marie-Charlotte, Rose-Marie
`);

export const MALE_FIRST_NAMES = list(`
  Lucas, Hugo, Enzo, Théo, Nathan, Mathis, Louis, Tom, Clément, Maxime, Thomas, Baptiste, Quentin, Romain,
  Antoine, Alexandre, Kylian, Noah, Léo, Ethan, Evan, Mathéo, Raphaël, Gabriel, Jules, Arthur, Paul, Axel,
  Valentin, Dylan, Kévin, Florian, Julien, Nicolas, Adrien, Bastien, Corentin, Killian, Loïc, Yanis, Rayan,
  Adam, Ilyès, Sofiane, Mehdi, Amine, Samuel, Victor, Martin, Sacha, Timéo, Nolan, Esteban, Lenny,
  Aurélien, Benjamin, Damien, Jordan, Mattéo, Gaël, Erwan, Tristan, Xabi, Peio, Ander, Iban, Jean-Baptiste,
  Pierre-Louis, Jean-Eudes, Paul-Antoine, Louis-Marie
`);

export const LAST_NAMES = list(`
  Martin, Bernard, Dubois, Thomas, Robert, Richard, Petit, Durand, Leroy, Moreau, Simon, Laurent, Lefebvre,
  Michel, Garcia, David, Bertrand, Roux, Vincent, Fournier, Morel, Girard, André, Mercier, Dupont, Lambert,
  Bonnet, François, Martinez, Legrand, Garnier, Faure, Rousseau, Blanc, Guérin, Muller, Henry, Roussel,
  Perrin, Morin, Mathieu, Clément, Gauthier, Dumont, Lopez, Fontaine, Chevalier, Robin, Masson, Sanchez,
  Nguyen, Boyer, Denis, Lemaire, Duval, Joly, Roche, Roy, Noël, Meyer, Meunier, Perez, Marchand, Dufour,
  Blanchard, Barbier, Brun, Dumas, Brunet, Leroux, Colin, Fernandez, Renard, Arnaud, Rolland, Caron,
  Aubert, Giraud, Vidal, Bourgeois, Renaud, Picard, Gaillard, Lacroix, Fabre, Dupuis, Olivier, Rodriguez,
  Da Silva, Hubert, Rivière, Le Gall, Moulin, Gonzalez, Berger, Fleury, Deschamps, Benoit, Maillard, Aubry,
  Poirier, Charpentier, Baron, Dupuy, Pons, Marty, Ribeiro, Pereira, Ferreira, Haddad, Benali, Diallo,
  Traoré, Lafitte, Labat, Darriet, Lalanne, Lacoste, Larrieu, Dufourcq, Etchepare, Irigoyen, Bidegain,
  Ospital, Lassalle, Dubourg, Castaing, Sarrazin, Laffargue, Dupin, Chauvet, Mazeau, Bouyssou, Roudier,
  Vignaud, Nouaille, Bonnaud, Pouget, Texier, Guillon, Chaigneau, Bodin, Raffin, Pasquet, Audebert, Tardy,
  Boutin, Lamothe, Cazaux, Dartigues, Lagardère, Barthe, Soulé, Lescure, Peyrot, Vergnaud, Chabrol
`);
