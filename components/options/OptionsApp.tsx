import { QueryClientProvider } from '@tanstack/react-query';
import { useMemo } from 'react';
import { createQueryClient } from '../panel/queries';
import { ErrorBoundary } from '../shared/ErrorBoundary';
import { CalendarForm } from './CalendarForm';
import { OptionsNav } from './OptionsNav';
import { OwnDomainsForm } from './OwnDomainsForm';
import { OPTIONS_SECTIONS } from './options-sections';
import { QualificationFieldsForm } from './QualificationFieldsForm';
import { QueueOwnerForm } from './QueueOwnerForm';
import { RemindersForm } from './RemindersForm';
import { ScoreModelForm } from './ScoreModelForm';
import { SlaPolicyForm } from './SlaPolicyForm';
import './options.css';

/**
 * The options page: one page of sections (so the browser's find still finds any setting), each
 * with its own URL (`options.html#sla`), listed in a navigation that stays in view, and each
 * saying what it changes for the reps.
 */
export function OptionsApp() {
  const client = useMemo(createQueryClient, []);
  return (
    <QueryClientProvider client={client}>
      <ErrorBoundary>
        <div className="options-layout">
          <OptionsNav />
          <main>
            <h1>Baton options</h1>
            {OPTIONS_SECTIONS.map((section) => (
              <div
                key={section.id}
                id={section.id}
                className="options-page-section"
                data-testid={`options-section-${section.id}`}
              >
                <h2 id={`${section.id}-title`} className="options-page-title">
                  {section.title}
                </h2>
                <p className="for-reps small">
                  <strong>For reps:</strong> {section.forReps}
                </p>
                <ErrorBoundary>{section.content()}</ErrorBoundary>
              </div>
            ))}
          </main>
        </div>
      </ErrorBoundary>
    </QueryClientProvider>
  );
}

/** Every settings form; each validates and saves its own part of the settings. */
export function SettingsForms() {
  return (
    <>
      <SlaPolicyForm />
      <CalendarForm />
      <ScoreModelForm />
      <QualificationFieldsForm />
      <RemindersForm />
      <QueueOwnerForm />
      <OwnDomainsForm />
    </>
  );
}
