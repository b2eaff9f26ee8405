/**
 * The SafeLives DASH risk identification checklist (domestic abuse, stalking and "honour"-based
 * violence), version 2015: 24 questions, used for MARAC referral (docs/marac.md). Versioned domain
 * data: a stored assessment keeps this version, so a later questionnaire never re-reads old answers.
 * `{abuser}` stands for the name of the person causing harm.
 */
import type { DashQuestionnaire } from './dash-question.ts';

/** The 2015 DASH checklist as published by SafeLives. */
export const DASH_QUESTIONNAIRE_2015: DashQuestionnaire = {
  version: '2015',
  questions: [
    { n: 1, text: 'Has the current incident resulted in injury? (Please state what and whether this is the first injury.)' },
    { n: 2, text: 'Are you very frightened?' },
    { n: 3, text: 'What are you afraid of? Is it further injury or violence? (Please give an indication of what you think {abuser} might do and to whom, including children.)' },
    { n: 4, text: 'Do you feel isolated from family/friends, i.e. does {abuser} try to stop you from seeing friends/family/doctor or others?' },
    { n: 5, text: 'Are you feeling depressed or having suicidal thoughts?' },
    { n: 6, text: 'Have you separated or tried to separate from {abuser} within the past year?' },
    { n: 7, text: 'Is there conflict over child contact?' },
    { n: 8, text: 'Does {abuser} constantly text, call, contact, follow, stalk or harass you?' },
    { n: 9, text: 'Are you pregnant or have you recently had a baby (within the last 18 months)?' },
    { n: 10, text: 'Is the abuse happening more often?' },
    { n: 11, text: 'Is the abuse getting worse?' },
    { n: 12, text: 'Does {abuser} try to control everything you do and/or are they excessively jealous?' },
    { n: 13, text: 'Has {abuser} ever used weapons or objects to hurt you?' },
    { n: 14, text: 'Has {abuser} ever threatened to kill you or someone else and you believed them?' },
    { n: 15, text: 'Has {abuser} ever attempted to strangle/choke/suffocate/drown you?' },
    { n: 16, text: 'Does {abuser} do or say things of a sexual nature that make you feel bad or that physically hurt you or someone else?' },
    { n: 17, text: 'Is there any other person who has threatened you or who you are afraid of?' },
    { n: 18, text: 'Do you know if {abuser} has hurt anyone else?' },
    { n: 19, text: 'Has {abuser} ever mistreated an animal or the family pet?' },
    { n: 20, text: 'Are there any financial issues? For example, are you dependent on {abuser} for money, have they recently lost their job, other financial issues?' },
    { n: 21, text: 'Has {abuser} had problems in the past year with drugs (prescription or other), alcohol or mental health leading to problems in leading a normal life?' },
    { n: 22, text: 'Has {abuser} ever threatened or attempted suicide?' },
    { n: 23, text: 'Has {abuser} ever broken bail/an injunction and/or formal agreement for when they can see you and/or the children?' },
    { n: 24, text: 'Do you know if {abuser} has ever been in trouble with the police or has a criminal history?' },
  ],
};
