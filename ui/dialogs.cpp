#include "dialogs.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>

namespace Entente::Ui {

namespace {
QStringList roles()
{
    return {QString(), QStringLiteral("GOV"), QStringLiteral("MIL"), QStringLiteral("LEG"), QStringLiteral("REB"),
            QStringLiteral("OPP"), QStringLiteral("JUD"), QStringLiteral("POL"), QStringLiteral("SPY"),
            QStringLiteral("MED"), QStringLiteral("BUS"), QStringLiteral("CVL"), QStringLiteral("REF")};
}

QLineEdit *makeActorEdit(const QStringList &codes, const QString &value, QWidget *parent)
{
    auto *e = new QLineEdit(value, parent);
    auto *c = new QCompleter(codes, e);
    c->setCaseSensitivity(Qt::CaseInsensitive);
    c->setFilterMode(Qt::MatchContains);
    e->setCompleter(c);
    return e;
}
} // namespace

EventEditorDialog::EventEditorDialog(const Core::Event &event, const QStringList &actorCodes, QWidget *parent)
    : QDialog(parent), m_event(event)
{
    setObjectName(QStringLiteral("eventEditor"));
    setWindowTitle(event.id > 0 ? QStringLiteral("Edit event") : QStringLiteral("New event"));
    auto *form = new QFormLayout(this);
    auto *sentence = new QLabel(event.sentence, this);
    sentence->setWordWrap(true);
    sentence->setStyleSheet(QStringLiteral("color: palette(mid); font-style: italic;"));
    form->addRow(QStringLiteral("Sentence"), sentence);
    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("typeBox"));
    for (Core::EventType t : Core::allEventTypes()) {
        m_type->addItem(Core::eventTypeName(t), static_cast<int>(t));
    }
    m_type->setCurrentIndex(static_cast<int>(event.type));
    form->addRow(QStringLiteral("Type"), m_type);
    m_source = makeActorEdit(actorCodes, event.source, this);
    m_source->setObjectName(QStringLiteral("sourceEdit"));
    m_sourceRole = new QLineEdit(event.sourceRole, this);
    m_target = makeActorEdit(actorCodes, event.target, this);
    m_target->setObjectName(QStringLiteral("targetEdit"));
    m_targetRole = new QLineEdit(event.targetRole, this);
    m_location = makeActorEdit(actorCodes, event.location, this);
    form->addRow(QStringLiteral("Source actor"), m_source);
    form->addRow(QStringLiteral("Source role"), m_sourceRole);
    form->addRow(QStringLiteral("Target actor"), m_target);
    form->addRow(QStringLiteral("Target role"), m_targetRole);
    form->addRow(QStringLiteral("Location"), m_location);
    m_date = new QLineEdit(event.date.toString(), this);
    m_date->setObjectName(QStringLiteral("dateEdit"));
    m_date->setPlaceholderText(QStringLiteral("2016-08-16, 2016-08, 2016-summer, 2016, or 2015-09/2017-03"));
    form->addRow(QStringLiteral("Date"), m_date);
    m_polarity = new QComboBox(this);
    m_polarity->addItems({QStringLiteral("asserted"), QStringLiteral("negated")});
    m_polarity->setCurrentIndex(event.polarity == Core::Polarity::Negated ? 1 : 0);
    form->addRow(QStringLiteral("Polarity"), m_polarity);
    m_modality = new QComboBox(this);
    m_modality->addItems({QStringLiteral("actual"), QStringLiteral("possible"), QStringLiteral("planned")});
    m_modality->setCurrentIndex(static_cast<int>(event.modality));
    form->addRow(QStringLiteral("Modality"), m_modality);
    m_error = new QLabel(this);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    form->addRow(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

Core::Event EventEditorDialog::event(QString *error) const
{
    Core::Event e = m_event;
    e.type = static_cast<Core::EventType>(m_type->currentData().toInt());
    e.source = m_source->text().trimmed().toUpper();
    e.sourceRole = m_sourceRole->text().trimmed().toUpper();
    e.target = m_target->text().trimmed().toUpper();
    e.targetRole = m_targetRole->text().trimmed().toUpper();
    e.location = m_location->text().trimmed().toUpper();
    e.polarity = m_polarity->currentIndex() == 1 ? Core::Polarity::Negated : Core::Polarity::Asserted;
    e.modality = static_cast<Core::Modality>(m_modality->currentIndex());
    const QString dateText = m_date->text().trimmed();
    e.date = Core::DatePoint::fromString(dateText);
    QString err;
    if (e.source.isEmpty() || e.target.isEmpty()) {
        err = QStringLiteral("An event needs a source and a target actor.");
    } else if (!dateText.isEmpty() && !e.date.isValid()) {
        err = QStringLiteral("“%1” is not a date: write 2016-08-16, 2016-08, 2016-summer or 2016.").arg(dateText);
    }
    if (error != nullptr) {
        *error = err;
    }
    return e;
}

void EventEditorDialog::accept()
{
    QString err;
    event(&err);
    if (!err.isEmpty()) {
        m_error->setText(err);
        return;
    }
    QDialog::accept();
}

AliasDialog::AliasDialog(const QString &name, const QStringList &actorCodes, QWidget *parent)
    : QDialog(parent), m_codes(actorCodes)
{
    setObjectName(QStringLiteral("aliasDialog"));
    setWindowTitle(QStringLiteral("Treat “%1” as…").arg(name));
    auto *form = new QFormLayout(this);
    m_name = new QLineEdit(name, this);
    form->addRow(QStringLiteral("Name in the text"), m_name);
    m_actor = makeActorEdit(actorCodes, QString(), this);
    m_actor->setObjectName(QStringLiteral("aliasActor"));
    m_actor->setPlaceholderText(QStringLiteral("actor code, e.g. IRN, NATO"));
    form->addRow(QStringLiteral("Actor"), m_actor);
    m_role = new QComboBox(this);
    m_role->setObjectName(QStringLiteral("aliasRole"));
    m_role->addItems(roles());
    form->addRow(QStringLiteral("Role"), m_role);
    m_limited = new QCheckBox(QStringLiteral("Only for a period"), this);
    m_from = new QDateEdit(QDate::currentDate().addYears(-5), this);
    m_to = new QDateEdit(QDate::currentDate(), this);
    m_from->setCalendarPopup(true);
    m_to->setCalendarPopup(true);
    m_from->setEnabled(false);
    m_to->setEnabled(false);
    connect(m_limited, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_limited, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    form->addRow(m_limited);
    form->addRow(QStringLiteral("Valid from"), m_from);
    form->addRow(QStringLiteral("Valid to"), m_to);
    m_error = new QLabel(this);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    form->addRow(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

Core::Alias AliasDialog::alias() const
{
    Core::Alias a;
    a.alias = m_name->text().simplified();
    a.actorCode = m_actor->text().trimmed().toUpper();
    a.role = m_role->currentText();
    if (m_limited->isChecked()) {
        a.validFrom = m_from->date();
        a.validTo = m_to->date();
    }
    return a;
}

void AliasDialog::accept()
{
    const Core::Alias a = alias();
    if (a.alias.isEmpty() || a.actorCode.isEmpty()) {
        m_error->setText(QStringLiteral("Give the name and the actor it stands for."));
        return;
    }
    static const QRegularExpression code(QStringLiteral("^[A-Z0-9_]{2,20}$"));
    if (!code.match(a.actorCode).hasMatch()) {
        m_error->setText(QStringLiteral("Actor codes are letters and digits, such as IRN or NATO."));
        return;
    }
    if (a.validFrom.isValid() && a.validTo.isValid() && a.validFrom > a.validTo) {
        m_error->setText(QStringLiteral("The period ends before it starts."));
        return;
    }
    QDialog::accept();
}

} // namespace Entente::Ui
