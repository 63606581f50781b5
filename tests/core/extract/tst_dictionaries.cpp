#include <core/extract/coder.h>
#include <core/extract/dictionaries.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Entente::Core;

/// The bundled dictionaries load, cover what the product promises, resolve people by the date of
/// the event, and a broken line is reported with its file and line number.
class TestDictionaries final : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<Dictionaries> m_dict;

    QString actorOf(const QString &sentence, const QString &published)
    {
        Coder coder(m_dict);
        const QList<Event> events = coder.code(sentence, DatePoint::fromString(published));
        return events.isEmpty() ? QString() : events.first().source + QLatin1Char('/') + events.first().sourceRole;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const auto d = Dictionaries::loadBundled();
        QVERIFY2(d.ok(), d.ok() ? "" : qPrintable(d.error().message));
        m_dict = *d;
    }

    void coversStatesOrganisationsAndPeople()
    {
        int states = 0;
        int orgs = 0;
        for (const Actor &a : m_dict->actors()) {
            if (a.kind == QLatin1String("state")) {
                ++states;
            } else if (a.kind == QLatin1String("org") || a.kind == QLatin1String("group")) {
                ++orgs;
            }
        }
        QVERIFY2(states >= 195, qPrintable(QString::number(states))); // UN members and observers
        QVERIFY2(orgs >= 60, qPrintable(QString::number(orgs)));
        for (const char *code : {"NATO", "EU", "UN", "AU", "ASEAN", "CSTO", "SCO", "GCC", "ARABLEAGUE", "AUKUS", "QUAD",
                                 "ECOWAS", "WAGNER", "ISIL", "ALQAEDA", "HEZBOLLAH", "HOUTHIS", "HAMAS", "TALIBAN",
                                 "PKK", "YPG", "SDF"}) {
            QVERIFY2(m_dict->actors().contains(QString::fromLatin1(code)), code);
        }
        QVERIFY(m_dict->people().size() > 1500);
        QVERIFY(m_dict->patterns().size() >= 12 * 20);
    }

    void resolvesNamesAndMetonyms_data()
    {
        QTest::addColumn<QString>("sentence");
        QTest::addColumn<QString>("published");
        QTest::addColumn<QString>("expected");
        QTest::newRow("state name") << QStringLiteral("Russia condemned Ukraine.") << QStringLiteral("2022-03-01")
                                    << QStringLiteral("RUS/");
        QTest::newRow("seat of power") << QStringLiteral("The Kremlin condemned Kyiv.") << QStringLiteral("2022-03-01")
                                       << QStringLiteral("RUS/GOV");
        QTest::newRow("capital") << QStringLiteral("Tehran praised Moscow.") << QStringLiteral("2017-03-28")
                                 << QStringLiteral("IRN/GOV");
        QTest::newRow("adjective with role word") << QStringLiteral("Iranian lawmakers criticised Russia.")
                                                  << QStringLiteral("2016-08-22") << QStringLiteral("IRN/LEG");
        QTest::newRow("minister in office on the date")
            << QStringLiteral("Zarif praised Russia.") << QStringLiteral("2017-03-28") << QStringLiteral("IRN/GOV");
        QTest::newRow("head of state in office") << QStringLiteral("Assad praised Russia.") << QStringLiteral("2017-03-28")
                                                 << QStringLiteral("SYR/GOV");
        QTest::newRow("former official speaks for nobody")
            << QStringLiteral("Assad praised Russia.") << QStringLiteral("2025-06-01") << QStringLiteral("SYR/");
        QTest::newRow("same surname, the date decides") << QStringLiteral("Bush condemned Iraq.")
                                                        << QStringLiteral("1991-01-17") << QStringLiteral("USA/GOV");
    }
    void resolvesNamesAndMetonyms()
    {
        QFETCH(QString, sentence);
        QFETCH(QString, published);
        QFETCH(QString, expected);
        QCOMPARE(actorOf(sentence, published), expected);
    }

    void reportsBadLinesWithFileAndLine_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown key") << QStringLiteral("extra.dict")
                                     << QStringLiteral("# ok\n[XXA] state Xland\nadjs: Xish\n")
                                     << QStringLiteral("extra.dict:3: unknown key 'adjs'");
        QTest::newRow("key before header") << QStringLiteral("extra.dict") << QStringLiteral("names: Foo\n")
                                           << QStringLiteral("extra.dict:1:");
        QTest::newRow("bad period") << QStringLiteral("extra.dict")
                                    << QStringLiteral("[XXB] state Y\nnames: Y (1990-13..)\n")
                                    << QStringLiteral("extra.dict:2: bad date");
        QTest::newRow("seat without role") << QStringLiteral("extra.dict")
                                           << QStringLiteral("[XXC] state Z\nnames: Z\nseats: Palace\n")
                                           << QStringLiteral("extra.dict:3: seat 'Palace' needs '=ROLE'");
        QTest::newRow("term ends before it starts")
            << QStringLiteral("people-extra.dict")
            << QStringLiteral("[A Person]\naliases: Person\nterm: RUS GOV other 2010-01-01..2009-01-01\n")
            << QStringLiteral("people-extra.dict:3: term ends before it starts");
        QTest::newRow("unknown office") << QStringLiteral("people-extra.dict")
                                        << QStringLiteral("[B Person]\nterm: RUS GOV tsar 2010..\n")
                                        << QStringLiteral("people-extra.dict:2: unknown office 'tsar'");
        QTest::newRow("role line") << QStringLiteral("roles.dict") << QStringLiteral("MIL troops\n")
                                   << QStringLiteral("roles.dict:1:");
        QTest::newRow("pattern type") << QStringLiteral("patterns-extra.dict")
                                      << QStringLiteral("\n\nwar 0.8 | {S} ~attack {T}\n")
                                      << QStringLiteral("patterns-extra.dict:3: unknown event type 'war'");
        QTest::newRow("pattern slot") << QStringLiteral("patterns-extra.dict")
                                      << QStringLiteral("strike 0.8 | {X} ~attack {T}\n")
                                      << QStringLiteral("patterns-extra.dict:1: bad slot '{X}'");
        QTest::newRow("place key") << QStringLiteral("places.dict") << QStringLiteral("[AUS]\ntowns: Darwin\n")
                                   << QStringLiteral("places.dict:2: unknown key 'towns'");
        QTest::newRow("place before header") << QStringLiteral("places.dict") << QStringLiteral("\ncities: Darwin\n")
                                             << QStringLiteral("places.dict:2:");
        QTest::newRow("place in two states")
            << QStringLiteral("places.dict") << QStringLiteral("[AUS]\ncities: Darwin\n[USA]\ncities: Darwin\n")
            << QStringLiteral("places.dict:4: 'Darwin' is already placed in AUS");
        QTest::newRow("place period") << QStringLiteral("places.dict") << QStringLiteral("[NGA]\ncities: Lagos (1991-13..)\n")
                                      << QStringLiteral("places.dict:2: bad date");
        QTest::newRow("pattern without words") << QStringLiteral("patterns-extra.dict")
                                               << QStringLiteral("strike 0.8 | {S} * {T}\n")
                                               << QStringLiteral("patterns-extra.dict:1:");
    }
    void reportsBadLinesWithFileAndLine()
    {
        QFETCH(QString, file);
        QFETCH(QString, text);
        QFETCH(QString, message);
        Dictionaries d;
        const Status st = d.parse(file, text);
        QVERIFY(!st.ok());
        QCOMPARE(st.error().code, Error::Code::Dictionary);
        QVERIFY2(st.error().message.startsWith(message), qPrintable(st.error().message));
    }

    void placesLieInTheirStates_data()
    {
        QTest::addColumn<QString>("place");
        QTest::addColumn<QString>("code");
        QTest::newRow("city") << QStringLiteral("Darwin") << QStringLiteral("AUS");
        QTest::newRow("multi-word city") << QStringLiteral("St. Petersburg") << QStringLiteral("RUS");
        QTest::newRow("diacritics") << QStringLiteral("Rzeszów") << QStringLiteral("POL");
        QTest::newRow("region") << QStringLiteral("Kurdistan Region") << QStringLiteral("IRQ");
        QTest::newRow("Crimea is Ukraine") << QStringLiteral("Sevastopol") << QStringLiteral("UKR");
        QTest::newRow("base") << QStringLiteral("Hmeimim") << QStringLiteral("SYR");
        QTest::newRow("base spelling") << QStringLiteral("Khmeimim air base") << QStringLiteral("SYR");
        QTest::newRow("base in a territory") << QStringLiteral("Pituffik") << QStringLiteral("GRL");
        QTest::newRow("Guantanamo") << QStringLiteral("Guantanamo Bay") << QStringLiteral("CUB");
        QTest::newRow("Diego Garcia") << QStringLiteral("Diego Garcia") << QStringLiteral("GBR");
        QTest::newRow("Djibouti base") << QStringLiteral("Camp Lemonnier") << QStringLiteral("DJI");
        QTest::newRow("capital-era validity") << QStringLiteral("Almaty") << QStringLiteral("KAZ");
    }
    void placesLieInTheirStates()
    {
        QFETCH(QString, place);
        QFETCH(QString, code);
        QStringList tokens;
        for (const Token &t : Segmenter::tokenize(place)) {
            tokens << t.norm;
        }
        const QList<int> *cands = m_dict->entriesStartingWith(tokens.first());
        QVERIFY2(cands != nullptr, qPrintable(place));
        QString found;
        for (int idx : *cands) {
            const DictEntry &e = m_dict->entries().at(idx);
            if (e.kind == DictEntry::Kind::Place && e.tokens == tokens) {
                found = e.actor;
            }
        }
        QCOMPARE(found, code);
    }

    void gazetteerIsLargeAndChecked()
    {
        int places = 0;
        for (const DictEntry &e : m_dict->entries()) {
            places += e.kind == DictEntry::Kind::Place ? 1 : 0;
        }
        QVERIFY2(places >= 600, qPrintable(QString::number(places)));
        // A place in an unknown state, or repeating an actor's own alias, stops loading with its line.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto write = [&dir](const QString &name, const QByteArray &text) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text);
        };
        write(QStringLiteral("states.dict"), "[XXA] state Xland\nnames: Xland\ncapital: Xville\n[XXO] org Xorg\nnames: Xorg\n");
        write(QStringLiteral("places.dict"), "[XXA]\ncities: Ytown\n\n[XXB]\ncities: Ztown\n");
        auto r = Dictionaries::loadDirectory(dir.path());
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.startsWith(QStringLiteral("places.dict:5: place 'ztown' in unknown state XXB")),
                 qPrintable(r.error().message));
        write(QStringLiteral("places.dict"), "[XXO]\ncities: Ytown\n");
        r = Dictionaries::loadDirectory(dir.path());
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.startsWith(QStringLiteral("places.dict:2: place 'ytown' must lie in a state")),
                 qPrintable(r.error().message));
        write(QStringLiteral("places.dict"), "[XXA]\ncities: Ytown, Xville\n");
        r = Dictionaries::loadDirectory(dir.path());
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.startsWith(QStringLiteral("places.dict:2: place 'xville' is already an alias of XXA")),
                 qPrintable(r.error().message));
        write(QStringLiteral("places.dict"), "[XXA] Xland\ncities: Ytown\nbases: Camp Y\n");
        r = Dictionaries::loadDirectory(dir.path());
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
    }

    void analystAliasesApplyOnTop()
    {
        Alias a;
        a.id = 1;
        a.alias = QStringLiteral("Rahbar");
        a.actorCode = QStringLiteral("IRN");
        a.role = QStringLiteral("GOV");
        auto withAlias = m_dict->withUserAliases({a});
        Coder coder(withAlias);
        const auto events = coder.code(QStringLiteral("Rahbar condemned Israel."), DatePoint::day(QDate(2024, 4, 2)));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().source, QStringLiteral("IRN"));
        QVERIFY(events.first().dictionaryEntries.contains(QStringLiteral("user alias #1")));
        Coder plain(m_dict);
        QVERIFY(plain.code(QStringLiteral("Rahbar condemned Israel."), DatePoint::day(QDate(2024, 4, 2))).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDictionaries)
#include "tst_dictionaries.moc"
