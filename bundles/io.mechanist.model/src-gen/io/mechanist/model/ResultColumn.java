/**
 */
package io.mechanist.model;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Result Column</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * One column: numbers (NaN for missing) or texts, never both.
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link io.mechanist.model.ResultColumn#getName <em>Name</em>}</li>
 *   <li>{@link io.mechanist.model.ResultColumn#getUnit <em>Unit</em>}</li>
 *   <li>{@link io.mechanist.model.ResultColumn#getNumbers <em>Numbers</em>}</li>
 *   <li>{@link io.mechanist.model.ResultColumn#getTexts <em>Texts</em>}</li>
 * </ul>
 *
 * @see io.mechanist.model.MechanistPackage#getResultColumn()
 * @model
 * @generated
 */
public interface ResultColumn extends EObject {
	/**
	 * Returns the value of the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Name</em>' attribute.
	 * @see #setName(String)
	 * @see io.mechanist.model.MechanistPackage#getResultColumn_Name()
	 * @model
	 * @generated
	 */
	String getName();

	/**
	 * Sets the value of the '{@link io.mechanist.model.ResultColumn#getName <em>Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Name</em>' attribute.
	 * @see #getName()
	 * @generated
	 */
	void setName(String value);

	/**
	 * Returns the value of the '<em><b>Unit</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Unit</em>' attribute.
	 * @see #setUnit(String)
	 * @see io.mechanist.model.MechanistPackage#getResultColumn_Unit()
	 * @model
	 * @generated
	 */
	String getUnit();

	/**
	 * Sets the value of the '{@link io.mechanist.model.ResultColumn#getUnit <em>Unit</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Unit</em>' attribute.
	 * @see #getUnit()
	 * @generated
	 */
	void setUnit(String value);

	/**
	 * Returns the value of the '<em><b>Numbers</b></em>' attribute list.
	 * The list contents are of type {@link java.lang.Double}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Numbers</em>' attribute list.
	 * @see io.mechanist.model.MechanistPackage#getResultColumn_Numbers()
	 * @model unique="false"
	 * @generated
	 */
	EList<Double> getNumbers();

	/**
	 * Returns the value of the '<em><b>Texts</b></em>' attribute list.
	 * The list contents are of type {@link java.lang.String}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Texts</em>' attribute list.
	 * @see io.mechanist.model.MechanistPackage#getResultColumn_Texts()
	 * @model unique="false"
	 * @generated
	 */
	EList<String> getTexts();

} // ResultColumn
