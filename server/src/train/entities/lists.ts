/**
 * Small hand-written word lists for the gazetteers, written for this project. The large lists (given
 * names, family names, countries, capitals, cities, nationalities, common English words) come from
 * data packages; see `gazetteerSources.ts`.
 */

function words(text: string): string[] {
	return text
		.split('\n')
		.flatMap((line) => line.split(';'))
		.map((w) => w.trim())
		.filter((w) => w !== '');
}

/** Titles and honorifics written before personal names. */
export const TITLES = words(`
Mr.;Mrs.;Ms.;Miss;Dr.;Prof.;Professor;Sir;Dame;Lord;Lady;Mr;Mrs;Ms;Dr;Messrs.
President;Vice President;Prime Minister;Deputy Prime Minister;Minister;Foreign Minister;Defense Minister;Defence Minister
Finance Minister;Interior Minister;Chancellor;Premier;Secretary;Secretary of State;Secretary-General;Secretary General
Senator;Sen.;Representative;Rep.;Congressman;Congresswoman;Governor;Gov.;Mayor;Ambassador;Envoy;Speaker
King;Queen;Prince;Princess;Emperor;Sheikh;Sultan;Emir;Crown Prince;Pope;Cardinal;Archbishop;Bishop;Rev.;Reverend;Father
Ayatollah;Imam;Rabbi;Pastor;Mullah
General;Gen.;Lieutenant;Lt.;Colonel;Col.;Major;Maj.;Captain;Capt.;Sergeant;Sgt.;Admiral;Adm.;Commander;Marshal;Brigadier
Judge;Justice;Chief Justice;Attorney General;Prosecutor;Inspector;Detective;Chief;Officer;Constable
Coach;Manager;Chairman;Chairwoman;Chief Executive;CEO;Director;Commissioner;Spokesman;Spokeswoman;Leader
`);

/** Words that end (or start) organization names. */
export const ORGANIZATION_WORDS = words(`
Inc.;Inc;Corp.;Corp;Corporation;Co.;Company;Ltd.;Ltd;Limited;LLC;PLC;plc;AG;SA;NV;GmbH;Group;Holdings;Holding;Bancorp;Partners
Industries;Enterprises;Airlines;Airways;Motors;Bank;Trust;Fund;Capital;Securities;Insurance;Energy;Oil;Petroleum;Telecom
Communications;Systems;Technologies;Pharmaceuticals;Foods;Electric;Steel;Mining;Media;Press;Times;Post;Journal;News
Tribune;Herald;Gazette;Telegraph;Guardian;Television;Radio;Network;Broadcasting
Party;Front;Movement;Alliance;Coalition;League;Union;Federation;Association;Society;Council;Committee;Commission;Congress
Parliament;Assembly;Senate;Ministry;Department;Agency;Bureau;Office;Authority;Board;Institute;Institution;Foundation
Organization;Organisation;University;College;School;Academy;Hospital;Church;Court;Police;Army;Navy;Force;Forces;Guard
Brigade;Brigades;Battalion;Corps;Service;Services;Club;United;City;Rovers;Athletic;Wanderers;Team
`);

/** Words that end place names. */
export const PLACE_WORDS = words(`
River;Lake;Sea;Ocean;Gulf;Bay;Strait;Channel;Island;Islands;Isle;Peninsula;Mountain;Mountains;Mount;Mt.;Hills;Valley
Desert;Canal;Coast;Beach;Falls;Province;State;County;District;Region;Territory;Territories;Republic;Kingdom;Street;St.
Avenue;Road;Square;Park;Airport;Port;Harbor;Harbour;Bridge;Camp;Village;Town;City;Heights;Plain;Basin;Delta;Strip;Bank
`);

/** Capitalised time words that are not names. */
export const TIME_WORDS = words(`
Monday;Tuesday;Wednesday;Thursday;Friday;Saturday;Sunday;Mon.;Tue.;Wed.;Thu.;Fri.;Sat.;Sun.
January;February;March;April;May;June;July;August;September;October;November;December
Jan.;Feb.;Mar.;Apr.;Jun.;Jul.;Aug.;Sep.;Sept.;Oct.;Nov.;Dec.
Today;Tomorrow;Yesterday;Christmas;Easter;Ramadan;New Year
`);

/** Continents, seas and other large areas. */
export const GEO_AREAS = words(`
Africa;Asia;Europe;North America;South America;Latin America;Central America;Antarctica;Arctic;Oceania;Australasia
Middle East;Near East;Far East;Balkans;Caucasus;Caribbean;Scandinavia;Baltic;Baltics;Mediterranean;Sahara;Sahel;Maghreb
Gulf;Persian Gulf;Horn of Africa;West Africa;East Africa;North Africa;Southern Africa;Central Asia;South Asia;Southeast Asia
East Asia;Western Europe;Eastern Europe;Central Europe;Atlantic;Pacific;Indian Ocean;Black Sea;Red Sea;Caspian Sea;North Sea
Baltic Sea;South China Sea;Gaza;Gaza Strip;West Bank;Golan Heights;Kashmir;Darfur;Kurdistan;Tibet;Xinjiang;Chechnya
Siberia;Himalayas;Alps;Andes;Amazon;Nile;Danube;Rhine;Thames;Mississippi;Yangtze;Euphrates;Tigris;Jordan River
`);

/** States, provinces and regions outside the US lists (which come from a data package). */
export const REGIONS = words(`
Ontario;Quebec;British Columbia;Alberta;Manitoba;Saskatchewan;Nova Scotia;New Brunswick;Newfoundland
New South Wales;Victoria;Queensland;Western Australia;South Australia;Tasmania
England;Scotland;Wales;Northern Ireland;Ulster;Bavaria;Saxony;Catalonia;Andalusia;Basque Country;Corsica;Sicily;Sardinia
Lombardy;Tuscany;Flanders;Wallonia;Punjab;Sindh;Baluchistan;Balochistan;Waziristan;Kandahar;Helmand;Bihar;Kerala;Gujarat
Uttar Pradesh;Maharashtra;Tamil Nadu;Bengal;Assam;Guangdong;Sichuan;Yunnan;Hunan;Hubei;Henan;Shandong;Fujian;Zhejiang
Jiangsu;Anbar;Kurdistan;Mindanao;Aceh;Java;Sumatra;Borneo;Bali;Papua;Texas;California;Florida
`);

/** Alternative and short names of countries that the country package does not list. */
export const COUNTRY_NAMES = words(`
U.S.;US;USA;U.S.A.;United States;United States of America;America;U.K.;UK;Britain;Great Britain;England;Holland;Burma
Myanmar;Ivory Coast;South Korea;North Korea;Russia;Iran;Syria;Laos;Vietnam;Bolivia;Venezuela;Tanzania;Moldova;Macedonia
Czech Republic;Czechia;Congo;Democratic Republic of Congo;Republic of Congo;Taiwan;Palestine;Vatican;Soviet Union;USSR
Yugoslavia;East Timor;Timor-Leste;Cape Verde;Swaziland;Eswatini;Kosovo;Brunei;Gambia;Bahamas;Netherlands;Philippines
`);

/** Well-known organizations: international bodies, agencies, news organizations, parties, companies. */
export const ORGANIZATIONS = words(`
United Nations;U.N.;UN;UNESCO;UNICEF;UNHCR;World Bank;International Monetary Fund;IMF;World Trade Organization;WTO
World Health Organization;WHO;NATO;European Union;EU;European Commission;European Parliament;African Union;Arab League
OPEC;ASEAN;OSCE;Council of Europe;Red Cross;Red Crescent;International Committee of the Red Cross;Amnesty International
Human Rights Watch;Greenpeace;Doctors Without Borders;Interpol;Europol;International Atomic Energy Agency;IAEA
International Criminal Court;Security Council;General Assembly;G8;G7;G20;Commonwealth;FIFA;UEFA;IOC;NBA;NFL;NHL
Reuters;Associated Press;AP;AFP;Agence France-Presse;Xinhua;Itar-Tass;Tass;Interfax;Kyodo;Yonhap;Bloomberg;Dow Jones
BBC;CNN;Al Jazeera;Al-Jazeera;VOA;Voice of America;New York Times;Washington Post;Wall Street Journal;Financial Times
White House;Pentagon;Kremlin;State Department;Justice Department;CIA;FBI;NASA;FDA;EPA;Federal Reserve;Fed;Congress;Senate
House of Representatives;Supreme Court;Bundesbank;European Central Bank;ECB;Bank of England;Bank of Japan
Democratic Party;Republican Party;Democrats;Republicans;Labour;Labour Party;Conservative Party;Conservatives;Tories
Liberal Democrats;Social Democrats;Christian Democrats;Communist Party;Hamas;Hezbollah;Fatah;Taliban;Taleban;al-Qaida
al-Qaeda;Al Qaeda;PLO;ETA;IRA;Sinn Fein;PKK;FARC;Muslim Brotherhood;Microsoft;Apple;Google;IBM;Intel;General Motors
Ford;Toyota;Volkswagen;Siemens;Nokia;Sony;Samsung;Boeing;Airbus;Exxon;Shell;BP;Gazprom;Chevron;Citigroup;Goldman Sachs
JP Morgan;Morgan Stanley;HSBC;Barclays;Deutsche Bank;Nestle;Unilever;Wal-Mart;Walmart;Amazon;Facebook;Twitter;Yahoo
`);
